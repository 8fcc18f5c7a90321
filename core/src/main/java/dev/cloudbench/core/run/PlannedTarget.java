package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;

/**
 * A target after planning: validated, with a unique id and its market spelled out. A target with
 * several replicas is planned as one of these per replica, each its own instance.
 *
 * @param targetId       unique within the run; names the target's results prefix. A replica's is
 *                       {@code <replicaOf>-r<replica>}
 * @param architecture   the architecture (JSON: {@code x86_64} or {@code arm64})
 * @param instanceType   the type being measured
 * @param market         the market (JSON: {@code spot}, {@code on-demand} or {@code spot-or-on-demand})
 * @param threadsPerCore 1 to disable SMT, or null
 * @param timeoutSeconds how long the target's instance may live from its launch (the request's
 *                       {@code limits.runTimeoutSeconds}); "Launch Instance" turns it into the
 *                       instance's deadline, within the run's. Null in plans made before it
 *                       existed: the instance then lives until the run's deadline.
 * @param replicaOf      the id of the requested target this is a replica of; null for a target on
 *                       one instance
 * @param replica        which replica, from 1; null for a target on one instance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedTarget(String targetId, Architecture architecture, String instanceType, Market market,
                            Integer threadsPerCore, Integer timeoutSeconds, String replicaOf, Integer replica) {

    /** A target on one instance. */
    public PlannedTarget(String targetId, Architecture architecture, String instanceType, Market market,
                         Integer threadsPerCore, Integer timeoutSeconds) {
        this(targetId, architecture, instanceType, market, threadsPerCore, timeoutSeconds, null, null);
    }

    /** A target without a budget of its own: its instance lives until the run's deadline. */
    public PlannedTarget(String targetId, Architecture architecture, String instanceType, Market market,
                         Integer threadsPerCore) {
        this(targetId, architecture, instanceType, market, threadsPerCore, null);
    }

    /** The id of a replica of {@code targetId}. */
    public static String replicaId(String targetId, int replica) {
        return targetId + "-r" + replica;
    }

    /** 0 for the first replica (or a target on one instance), 1 for the second, ...: where its launch starts. */
    @JsonIgnore
    public int replicaIndex() {
        return replica == null ? 0 : replica - 1;
    }
}
