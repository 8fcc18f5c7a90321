package dev.cloudbench.statemachine;

import dev.cloudbench.cli.local.LocalImages;
import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.port.ImagePort;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An image that does not exist until a build has reported in progress a few times. */
final class BuildFirstImages implements ImagePort {
    final AtomicInteger checks = new AtomicInteger();
    final int checksUntilDone;
    final boolean fails;
    volatile boolean built;

    BuildFirstImages(int checksUntilDone, boolean fails) {
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
