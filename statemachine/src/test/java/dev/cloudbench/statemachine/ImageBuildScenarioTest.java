package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalImages;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.port.ImagePort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image-build loop of the definition, driven by an image port whose image must be built first. */
class ImageBuildScenarioTest {
    private static final String SUITE = """
            {"name":"images","warmup":0,"runs":2,"benchmarks":[{"name":"one","command":"true"}]}""";

    @TempDir
    Path output;

    /** An image that does not exist until a build has reported in progress a few times. */
    static final class BuildFirst implements ImagePort {
        final AtomicInteger checks = new AtomicInteger();
        final int checksUntilDone;
        final boolean fails;
        volatile boolean built;

        BuildFirst(int checksUntilDone, boolean fails) {
            this.checksUntilDone = checksUntilDone;
            this.fails = fails;
        }

        @Override
        public String fingerprint(Architecture architecture) {
            return "sha256-test";
        }

        @Override
        public Optional<String> find(Architecture architecture, String fingerprint) {
            return built ? Optional.of(LocalImages.IMAGE_ID) : Optional.empty();
        }

        @Override
        public String startBuild(Architecture architecture, String fingerprint) {
            return "build-" + architecture.id();
        }

        @Override
        public BuildStatus buildStatus(String buildId) {
            if (checks.incrementAndGet() < checksUntilDone) {
                return BuildStatus.IN_PROGRESS;
            }
            if (fails) {
                throw new ImageBuildFailedException("build " + buildId + " FAILED; log at s3://logs/" + buildId);
            }
            built = true;
            return BuildStatus.SUCCEEDED;
        }
    }

    @Test
    void missingImage_isBuiltInABoundedLoop_thenTargetsLaunch() throws IOException {
        BuildFirst images = new BuildFirst(3, false);
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
        Scenario scenario = new Scenario(output).ports(p -> p.withImages(new BuildFirst(2, true)));
        LocalRun.Outcome outcome = scenario.run(SUITE);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo(ImageBuildFailedException.class.getName());
        assertThat(outcome.cause()).contains("log at s3://logs/build-");
        assertThat(scenario.statesEntered()).contains("Clean Up Run").doesNotContain("Launch Instance");
    }
}
