package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;

/**
 * A target after planning: validated, with a unique id and its market spelled out.
 *
 * @param targetId       unique within the run; names the target's results prefix
 * @param architecture   the architecture (JSON: {@code x86_64} or {@code arm64})
 * @param instanceType   the type being measured
 * @param market         the market (JSON: {@code spot}, {@code on-demand} or {@code spot-or-on-demand})
 * @param threadsPerCore 1 to disable SMT, or null
 * @param timeoutSeconds how long the target's instance may live from its launch (the request's
 *                       {@code limits.runTimeoutSeconds}); "Launch Instance" turns it into the
 *                       instance's deadline, within the run's. Null in plans made before it
 *                       existed: the instance then lives until the run's deadline.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedTarget(String targetId, Architecture architecture, String instanceType, Market market,
                            Integer threadsPerCore, Integer timeoutSeconds) {

    /** A target without a budget of its own: its instance lives until the run's deadline. */
    public PlannedTarget(String targetId, Architecture architecture, String instanceType, Market market,
                         Integer threadsPerCore) {
        this(targetId, architecture, instanceType, market, threadsPerCore, null);
    }
}
