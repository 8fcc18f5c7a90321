package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bounds of one run.
 *
 * @param runTimeoutSeconds    the run's deadline from its start; instances shut down by then
 *                             whatever happens to the control plane (default 3600)
 * @param maxConcurrentTargets how many targets run at once (default 4)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Limits(Integer runTimeoutSeconds, Integer maxConcurrentTargets) {

    public static final int DEFAULT_RUN_TIMEOUT_SECONDS = 3600;
    public static final int MAX_RUN_TIMEOUT_SECONDS = 86_400;
    public static final int DEFAULT_MAX_CONCURRENT_TARGETS = 4;

    public int effectiveRunTimeoutSeconds() {
        return runTimeoutSeconds == null ? DEFAULT_RUN_TIMEOUT_SECONDS : runTimeoutSeconds;
    }

    public int effectiveMaxConcurrentTargets() {
        return maxConcurrentTargets == null ? DEFAULT_MAX_CONCURRENT_TARGETS : maxConcurrentTargets;
    }
}
