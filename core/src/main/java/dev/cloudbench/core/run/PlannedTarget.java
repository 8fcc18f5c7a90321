package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A target after planning: validated, with a unique id and its market spelled out.
 *
 * @param targetId       unique within the run; names the target's results prefix
 * @param architecture   {@code x86_64} or {@code arm64}
 * @param instanceType   the type being measured
 * @param market         {@code spot}, {@code on-demand} or {@code spot-or-on-demand}
 * @param threadsPerCore 1 to disable SMT, or null
 * @param timeoutSeconds how long the target's instance may live from its launch (the request's
 *                       {@code limits.runTimeoutSeconds}); "Launch Instance" turns it into the
 *                       instance's deadline, within the run's. Null in plans made before it
 *                       existed: the instance then lives until the run's deadline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedTarget(String targetId, String architecture, String instanceType, String market,
                            Integer threadsPerCore, Integer timeoutSeconds) {

    /** A target without a budget of its own: its instance lives until the run's deadline. */
    public PlannedTarget(String targetId, String architecture, String instanceType, String market,
                         Integer threadsPerCore) {
        this(targetId, architecture, instanceType, market, threadsPerCore, null);
    }
}
