package dev.cloudbench.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.runid.RunIdSuffix;
import dev.cloudbench.functions.aws.AwsPorts;
import dev.cloudbench.functions.aws.AwsSettings;
import dev.cloudbench.functions.aws.ImageSources;
import dev.cloudbench.functions.aws.SampleEventWorld;
import dev.cloudbench.functions.lambda.LambdaFunction;
import dev.cloudbench.functions.wiring.Functions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrimingTest {
    private static final ImageSources SOURCES = new ImageSources(SampleEventWorld.imageSourcesZip());

    @Test
    void priming_runsEveryFunctionOnItsSampleEvent_withoutSendingAnything() {
        try (SampleEventWorld world = new SampleEventWorld(Path.of("events"), SOURCES)) {
            // Were anything sent, the SDK's own endpoint setting would route it here, to be counted.
            String endpoint = world.endpoints().get(AwsPorts.Service.EC2).toString();
            System.setProperty("aws.endpointUrl", endpoint);
            System.setProperty("aws.region", "us-east-1");
            try {
                for (Functions.Entry function : Functions.all()) {
                    String outcome = new Priming(function.name(),
                            () -> LambdaFunction.offline(function, world.settings(), SOURCES)).prime();

                    assertThat(outcome).as(function.name()).doesNotContain("no sample event");
                }
            } finally {
                System.clearProperty("aws.endpointUrl");
                System.clearProperty("aws.region");
            }
            for (AwsPorts.Service service : AwsPorts.Service.values()) {
                assertThat(world.requests(service)).as(service.name()).isZero();
            }
        }
    }

    @Test
    void afterRestore_runIdsComeFromAFreshGenerator() throws Exception {
        var before = RunIdSuffix.generator();

        new Priming("PlanRun", () -> LambdaFunction.offline(Functions.get("PlanRun"),
                AwsSettings.fromEnvironment(Map.of()), SOURCES)).afterRestore(null);

        assertThat(RunIdSuffix.generator()).isNotSameAs(before);
        assertThat(RunIdSuffix.random()).matches("[a-z0-9]{4}");
    }
}
