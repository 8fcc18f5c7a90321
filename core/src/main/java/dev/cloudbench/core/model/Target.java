package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a suite runs: one fresh instance per target and replica.
 *
 * @param id             optional; derived from architecture, type and market when absent
 * @param architecture   {@code x86_64} or {@code arm64}
 * @param instanceType   the EC2 instance type being measured (locally: {@code local})
 * @param market         {@code spot}, {@code on-demand} or {@code spot-or-on-demand} (default)
 * @param threadsPerCore 1 for one thread per core (like-for-like with Graviton), absent for the
 *                       type's default
 * @param replicas       instances of this target, 1 to {@value #MAX_REPLICAS} (default 1): identical
 *                       instances of one type differ by tens of percent, and several of them let
 *                       comparisons treat the instance as the unit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(String id, String architecture, String instanceType, String market, Integer threadsPerCore,
                     Integer replicas) {

    public static final String DEFAULT_MARKET = "spot-or-on-demand";
    /** At most this many instances of one target. */
    public static final int MAX_REPLICAS = 10;

    /** A target on one instance. */
    public Target(String id, String architecture, String instanceType, String market, Integer threadsPerCore) {
        this(id, architecture, instanceType, market, threadsPerCore, null);
    }

    public String effectiveMarket() {
        return market == null ? DEFAULT_MARKET : market;
    }

    /** The instances this target runs on: {@code replicas}, 1 when absent. */
    public int effectiveReplicas() {
        return replicas == null ? 1 : replicas;
    }

    /** The same target on {@code n} instances. */
    public Target withReplicas(Integer n) {
        return new Target(id, architecture, instanceType, market, threadsPerCore, n);
    }
}
