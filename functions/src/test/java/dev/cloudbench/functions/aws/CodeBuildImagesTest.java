package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.port.ImagePort;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

class CodeBuildImagesTest {
    private final JsonStandIn codeBuild = new JsonStandIn();
    private final Ec2StandIn ec2 = new Ec2StandIn();
    private final S3StandIn s3 = new S3StandIn(TestAws.BUCKET);
    private final CodeBuildClient codeBuildClient = TestAws.clients(codeBuild.server().endpoint()).codeBuild();
    private final Ec2Client ec2Client = TestAws.clients(ec2.server().endpoint()).ec2();
    private final S3Client s3Client = TestAws.clients(s3.server().endpoint()).s3();
    private final ImageSources sources = new ImageSources(ImageSourcesTest.zip(ImageSourcesTest.packer("echo\n"), 0));
    private final CodeBuildImages images = new CodeBuildImages(codeBuildClient, ec2Client,
            new S3ResultStore(s3Client, TestAws.BUCKET), sources, "cb-test-images");

    @AfterEach
    void close() {
        codeBuildClient.close();
        ec2Client.close();
        s3Client.close();
        codeBuild.close();
        ec2.close();
        s3.close();
    }

    @Test
    void find_returnsTheNewestAvailableImageWithTheFingerprint() {
        String fp = images.fingerprint(Architecture.ARM64);
        Map<String, String> tags = Map.of(CodeBuildImages.TAG_FINGERPRINT, fp);
        ec2.amis.add(new Ec2StandIn.Ami("ami-old", "arm64", "available", "2026-01-01T00:00:00.000Z", tags));
        ec2.amis.add(new Ec2StandIn.Ami("ami-new", "arm64", "available", "2026-02-01T00:00:00.000Z", tags));
        ec2.amis.add(new Ec2StandIn.Ami("ami-pending", "arm64", "pending", "2026-03-01T00:00:00.000Z", tags));
        ec2.amis.add(new Ec2StandIn.Ami("ami-other", "arm64", "available", "2026-03-01T00:00:00.000Z",
                Map.of(CodeBuildImages.TAG_FINGERPRINT, "other")));

        assertThat(images.find(Architecture.ARM64, fp)).hasValue("ami-new");
        Map<String, String> asked = ec2.calls("DescribeImages").get(0);
        assertThat(asked).containsEntry("Owner.1", "self").containsValues("tag:cloudbench:fingerprint", fp,
                "state", "available", "architecture", "arm64");
    }

    @Test
    void find_isEmpty_whenNoImageHasTheFingerprint() {
        assertThat(images.find(Architecture.X86_64, images.fingerprint(Architecture.X86_64))).isEmpty();
    }

    @Test
    void startBuild_uploadsTheSourcesOnce_andPointsCodeBuildAtThem() {
        codeBuild.on("StartBuild", r -> JsonStandIn.ok("{\"build\":{\"id\":\"cb-test-images:build-"
                + codeBuild.calls("StartBuild").size() + "\",\"buildStatus\":\"IN_PROGRESS\"}}"));
        String fp = images.fingerprint(Architecture.ARM64);

        String first = images.startBuild(Architecture.ARM64, fp);
        images.startBuild(Architecture.ARM64, fp);

        assertThat(first).isEqualTo("cb-test-images:build-1");
        assertThat(s3.objects).containsOnlyKeys("images/" + fp + ".zip");
        assertThat(s3.objects.get("images/" + fp + ".zip")).isEqualTo(sources.zip());
        assertThat(s3.requests("PUT")).allSatisfy(p -> assertThat(p.header("If-None-Match")).isEqualTo("*"));
        JsonNode start = codeBuild.calls("StartBuild").get(0);
        assertThat(start.path("projectName").asText()).isEqualTo("cb-test-images");
        assertThat(start.path("sourceTypeOverride").asText()).isEqualTo("S3");
        assertThat(start.path("sourceLocationOverride").asText()).isEqualTo(TestAws.BUCKET + "/images/" + fp + ".zip");
        assertThat(start.path("environmentVariablesOverride").toString())
                .contains("{\"name\":\"ARCHITECTURE\",\"value\":\"arm64\",\"type\":\"PLAINTEXT\"}")
                .contains("{\"name\":\"FINGERPRINT\",\"value\":\"" + fp + "\",\"type\":\"PLAINTEXT\"}");
        assertThat(start.path("idempotencyToken").asText()).startsWith("arm64-");
    }

    private void build(String status) {
        codeBuild.answer("BatchGetBuilds", "{\"builds\":[{\"id\":\"b-1\",\"buildStatus\":\"" + status + "\","
                + "\"currentPhase\":\"BUILD\",\"logs\":{\"groupName\":\"/aws/codebuild/cb-test-images\","
                + "\"streamName\":\"b-1\",\"deepLink\":\"https://console.aws.amazon.com/cloudwatch/home#logEvent:b-1\"}}],"
                + "\"buildsNotFound\":[]}");
    }

    @Test
    void buildStatus_mapsProgressAndSuccess() {
        build("IN_PROGRESS");
        assertThat(images.buildStatus("b-1")).isEqualTo(ImagePort.BuildStatus.IN_PROGRESS);
        build("SUCCEEDED");
        assertThat(images.buildStatus("b-1")).isEqualTo(ImagePort.BuildStatus.SUCCEEDED);
        assertThat(codeBuild.calls("BatchGetBuilds").get(0).path("ids").get(0).asText()).isEqualTo("b-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
    void buildStatus_failsTheImage_withTheLogLocation(String status) {
        build(status);

        assertThatThrownBy(() -> images.buildStatus("b-1")).isInstanceOf(ImageBuildFailedException.class)
                .hasMessageContaining(status).hasMessageContaining("logEvent:b-1");
    }

    @Test
    void buildStatus_failsTheImage_forAnUnknownBuild() {
        codeBuild.answer("BatchGetBuilds", "{\"builds\":[],\"buildsNotFound\":[\"b-9\"]}");

        assertThatThrownBy(() -> images.buildStatus("b-9")).isInstanceOf(ImageBuildFailedException.class)
                .hasMessageContaining("b-9");
    }
}
