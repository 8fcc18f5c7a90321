package dev.cloudbench.core.service;

import dev.cloudbench.core.error.CommandTimedOutException;
import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.run.ImageBuild;
import dev.cloudbench.core.run.ImagePlan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** "Resolve Images", "Start Image Build" and "Check Image Build". */
public final class ImageService {
    /** Status checks before a build counts as hung (with the one-minute wait: two hours). */
    public static final int MAX_BUILD_CHECKS = 120;

    private final ImagePort images;
    private final ResultStorePort store;
    private final Clock clock;

    public ImageService(ImagePort images, ResultStorePort store, Clock clock) {
        this.images = images;
        this.store = store;
        this.clock = clock;
    }

    /** Finds an image for each architecture of the run; lists the ones to build. */
    public ImagePlan resolve(String runId, String deadline) {
        RunRequest request = RunRecords.request(store, runId);
        Set<Architecture> architectures = new LinkedHashSet<>();
        for (Target t : request.targets()) {
            architectures.add(Architecture.parse(t.architecture(), "target.architecture"));
        }
        Map<String, String> available = new LinkedHashMap<>();
        List<ImageBuild> builds = new ArrayList<>();
        for (Architecture a : architectures) {
            String fingerprint = images.fingerprint(a);
            Optional<String> image = images.find(a, fingerprint);
            if (image.isPresent()) {
                available.put(a.id(), image.get());
            } else {
                builds.add(new ImageBuild(runId, deadline, a.id(), fingerprint, null, null, 0));
            }
        }
        return new ImagePlan(available, builds);
    }

    /** Starts the build; a retry whose first answer was lost finds that build instead of starting another. */
    public ImageBuild start(ImageBuild build) {
        String marker = StoreLayout.imageBuild(build.runId(), build.architecture());
        Optional<ImageBuild> started = store.get(marker).map(b -> Json.read(b, ImageBuild.class))
                .filter(b -> b.fingerprint().equals(build.fingerprint()));
        if (started.isPresent()) {
            return started.get();
        }
        String buildId = images.startBuild(Architecture.parse(build.architecture(), "architecture"), build.fingerprint());
        ImageBuild running = new ImageBuild(build.runId(), build.deadline(), build.architecture(), build.fingerprint(),
                buildId, ImagePort.BuildStatus.IN_PROGRESS.name(), 0);
        store.put(marker, Json.writePretty(running));
        return running;
    }

    /**
     * @throws ImageBuildFailedException when the build failed or never finished in time
     */
    public ImageBuild check(ImageBuild build) {
        ImagePort.BuildStatus status = images.buildStatus(build.buildId());
        int checks = build.checks() + 1;
        if (status == ImagePort.BuildStatus.IN_PROGRESS) {
            if (checks >= MAX_BUILD_CHECKS) {
                throw new ImageBuildFailedException("image build " + build.buildId() + " for " + build.architecture()
                        + " still running after " + checks + " checks; giving up");
            }
            if (build.deadline() != null && clock.instant().isAfter(Instant.parse(build.deadline()))) {
                throw new CommandTimedOutException("run deadline passed while building the " + build.architecture()
                        + " image (" + build.buildId() + ")");
            }
        }
        return new ImageBuild(build.runId(), build.deadline(), build.architecture(), build.fingerprint(),
                build.buildId(), status.name(), checks);
    }
}
