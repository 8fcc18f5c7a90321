package dev.cloudbench.core.port;

import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import java.util.Optional;

/**
 * Machine images that benchmark instances boot from. An image is identified by a fingerprint of
 * the sources it was built from, so unchanged sources reuse the image and changed ones rebuild it.
 */
public interface ImagePort {

    /** The fingerprint of the current image sources for {@code architecture}. */
    String fingerprint(Architecture architecture);

    /**
     * @return the id of an available image built from {@code fingerprint}, or empty when one must
     *         be built first
     * @throws ImageBuildFailedException when no image can ever be had this way (locally: a tool
     *                                   the suite needs is missing on the host)
     */
    Optional<String> find(Architecture architecture, String fingerprint);

    /** Starts building the image; returns the build's id. */
    String startBuild(Architecture architecture, String fingerprint);

    /**
     * @throws ImageBuildFailedException when the build failed, faulted, timed out or was stopped;
     *                                   the message says where its log is
     */
    BuildStatus buildStatus(String buildId);

    /** Where a build stands. */
    enum BuildStatus { IN_PROGRESS, SUCCEEDED }
}
