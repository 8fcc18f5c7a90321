package dev.cloudbench.core.port;

import java.time.Instant;

/**
 * What to launch for one target.
 *
 * @param runId          the run, tagged on the instance
 * @param targetId       the target, tagged on the instance
 * @param architecture   {@code x86_64} or {@code arm64}
 * @param instanceType   exactly this type: the type is what is measured, never substituted
 * @param market         {@code spot}, {@code on-demand} or {@code spot-or-on-demand}
 * @param threadsPerCore 1 to disable SMT; null for the type's default
 * @param imageId        the image to boot
 * @param deadline       the instance shuts itself down (and so terminates) at this time
 * @param attempt        0 for the first launch of the target; part of the idempotency token
 * @param executionArn   the state machine execution launching it, tagged on the instance so that
 *                       the sweeper asks about exactly that execution; null when not known
 * @param replicaIndex   0 for a target's first (or only) replica, k − 1 for its k-th: the fleet
 *                       starts its search for capacity at the k-th of the zones offering the type
 *                       (round robin), so that a target's replicas spread over zones and hosts
 */
public record LaunchSpec(
        String runId,
        String targetId,
        String architecture,
        String instanceType,
        String market,
        Integer threadsPerCore,
        String imageId,
        Instant deadline,
        int attempt,
        String executionArn,
        int replicaIndex) {

    /** The launch of a target's first (or only) replica. */
    public LaunchSpec(String runId, String targetId, String architecture, String instanceType, String market,
                      Integer threadsPerCore, String imageId, Instant deadline, int attempt, String executionArn) {
        this(runId, targetId, architecture, instanceType, market, threadsPerCore, imageId, deadline, attempt,
                executionArn, 0);
    }

    /** A launch whose execution is not known (the sweeper then asks by the run id). */
    public LaunchSpec(String runId, String targetId, String architecture, String instanceType, String market,
                      Integer threadsPerCore, String imageId, Instant deadline, int attempt) {
        this(runId, targetId, architecture, instanceType, market, threadsPerCore, imageId, deadline, attempt, null);
    }
}
