package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.functions.wiring.Functions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handlers as Lambda runs them — JSON in, JSON out — with the AWS adapters of their task on stand-ins. */
class HandlersOnTheWireTest {
    private final Ec2StandIn ec2 = new Ec2StandIn();
    private final JsonStandIn ssm = new JsonStandIn();
    private final ImageSources sources = new ImageSources(ImageSourcesTest.zip(ImageSourcesTest.packer("echo\n"), 0));
    /** Each service at its own stand-in, as AWS_ENDPOINT_URL_<SERVICE> would route them. */
    private final AwsClients clients = new AwsClients(b -> {
        TestAws.clients(b instanceof software.amazon.awssdk.services.ssm.SsmClientBuilder ? ssm.server().endpoint()
                : ec2.server().endpoint()).customization().accept(b);
    });

    @AfterEach
    void close() {
        ec2.close();
        ssm.close();
    }

    private JsonNode invoke(String task) throws IOException {
        Ports ports = Functions.get(task).awsPorts(TestAws.settings(), clients,
                Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC), sources);
        RequestStreamHandler handler = Functions.wire(ports).get(task);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events", task + ".json"))), out,
                null);
        return JsonStandIn.JSON.readTree(out.toByteArray());
    }

    @Test
    void launchInstance_findsTheImageByFingerprint_andLaunchesTheTarget() throws IOException {
        ec2.amis.add(new Ec2StandIn.Ami("ami-built", "arm64", "available", "2026-02-01T00:00:00.000Z",
                Map.of(CodeBuildImages.TAG_FINGERPRINT, sources.fingerprint(Architecture.ARM64))));

        JsonNode state = invoke("LaunchInstance");

        assertThat(state.path("instance").path("imageId").asText()).isEqualTo("ami-built");
        assertThat(state.path("instance").path("market").asText()).isEqualTo("spot");
        assertThat(state.path("instance").path("pricePerHour").asDouble()).isEqualTo(0.0296);
        assertThat(ec2.calls("RunInstances").get(0)).containsEntry("ImageId", "ami-built")
                .containsEntry("InstanceType", "c7g.large");
    }

    @Test
    void checkInstance_isReady_whenEc2RunsItAndSsmSeesItOnline() throws IOException {
        ec2.instances.add(new Ec2StandIn.Instance("i-0123456789abcdef0", "c7g.large", "running", null, null, "spot",
                "us-east-1a", "ami-0123456789abcdef0", Map.of()));
        ssm.answer("DescribeInstanceInformation", "{\"InstanceInformationList\":[{\"InstanceId\":"
                + "\"i-0123456789abcdef0\",\"PingStatus\":\"Online\"}]}");

        JsonNode state = invoke("CheckInstance");

        assertThat(state.path("ready").asBoolean()).isTrue();
        assertThat(state.path("checks").asInt()).isEqualTo(1);
    }

    @Test
    void cleanupRun_terminatesEverythingTaggedWithTheRun() throws IOException {
        String run = "quickstart-20260301T120000Z-a1b2";
        for (String id : new String[] {"i-a", "i-b"}) {
            ec2.instances.add(new Ec2StandIn.Instance(id, "c7g.large", "running", null, null, null, "us-east-1a",
                    "ami-1", Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", run)));
        }

        JsonNode report = invoke("CleanupRun");

        assertThat(report.path("terminated").toString()).isEqualTo("[\"i-a\",\"i-b\"]");
        assertThat(ec2.calls("TerminateInstances").get(0)).containsEntry("InstanceId.1", "i-a")
                .containsEntry("InstanceId.2", "i-b");
    }
}
