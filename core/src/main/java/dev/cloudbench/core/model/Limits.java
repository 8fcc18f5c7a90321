package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Bounds of one run.
 *
 * @param runTimeoutSeconds    how long each target's instance may live, counted from its launch
 *                             (so that building images first does not eat into it); instances shut
 *                             down by then whatever happens to the control plane, and every
 *                             instance by the run's deadline, {@link #IMAGE_BUILD_ALLOWANCE_SECONDS}
 *                             plus this after planning (default 3600)
 * @param maxConcurrentTargets how many targets run at once (default 4)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Limits(Integer runTimeoutSeconds, Integer maxConcurrentTargets) {

    public static final int DEFAULT_RUN_TIMEOUT_SECONDS = 3600;
    public static final int MAX_RUN_TIMEOUT_SECONDS = 86_400;
    public static final int DEFAULT_MAX_CONCURRENT_TARGETS = 4;
    /**
     * How long image builds may hold a run up before its targets launch: the image build
     * project's timeout (template.yaml, ImageBuildProject TimeoutInMinutes: 120).
     */
    public static final int IMAGE_BUILD_ALLOWANCE_SECONDS = 7200;

    public int effectiveRunTimeoutSeconds() {
        return runTimeoutSeconds == null ? DEFAULT_RUN_TIMEOUT_SECONDS : runTimeoutSeconds;
    }

    public int effectiveMaxConcurrentTargets() {
        return maxConcurrentTargets == null ? DEFAULT_MAX_CONCURRENT_TARGETS : maxConcurrentTargets;
    }
}
