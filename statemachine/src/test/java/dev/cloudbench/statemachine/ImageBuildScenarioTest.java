package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.error.ImageBuildFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image-build loop of the definition, driven by an image port whose image must be built first. */
class ImageBuildScenarioTest {
    private static final String SUITE = """
            {"name":"images","warmup":0,"runs":2,"benchmarks":[{"name":"one","command":"true"}]}""";

    @TempDir
    Path output;

    @Test
    void missingImage_isBuiltInABoundedLoop_thenTargetsLaunch() throws IOException {
        BuildFirstImages images = new BuildFirstImages(3, false);
        Scenario scenario = new Scenario(output).ports(p -> p.withImages(images));
        LocalRun.Outcome outcome = scenario.run(SUITE);

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(images.checks).hasValue(3);
        assertThat(Collections.frequency(scenario.statesEntered(), "Check Image Build")).isEqualTo(3);
        assertThat(scenario.statesEntered()).containsSubsequence("Start Image Build", "Wait For Image Build",
                "Check Image Build", "Image Ready", "Launch Instance");
    }

    @Test
    void failedImageBuild_failsTheRun_throughCleanUp_beforeAnyLaunch() throws IOException {
        Scenario scenario = new Scenario(output).ports(p -> p.withImages(new BuildFirstImages(2, true)));
        LocalRun.Outcome outcome = scenario.run(SUITE);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo(ImageBuildFailedException.class.getName());
        assertThat(outcome.cause()).contains("log at s3://logs/build-");
        assertThat(scenario.statesEntered()).contains("Clean Up Run").doesNotContain("Launch Instance");
    }
}
