package dev.cloudbench.core.port;

import java.time.Instant;

/**
 * An instance carrying this stack's tag, as the sweeper sees it.
 *
 * @param instanceId the fleet's id
 * @param role       {@code benchmark} for a run's instance, {@code image-build} for a Packer builder
 * @param runId      the run it belongs to, or null (image builders)
 * @param targetId   the target it belongs to, or null
 * @param deadline   when it must be gone at the latest, or null when untagged
 * @param executionArn the execution that launched it, or null (instances launched before the tag
 *                   existed, image builders)
 */
public record TaggedInstance(String instanceId, String role, String runId, String targetId, Instant deadline,
                             String executionArn) {
    public static final String BENCHMARK = "benchmark";
    public static final String IMAGE_BUILD = "image-build";

    /** An instance without an execution tag. */
    public TaggedInstance(String instanceId, String role, String runId, String targetId, Instant deadline) {
        this(instanceId, role, runId, targetId, deadline, null);
    }
}
