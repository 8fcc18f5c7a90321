package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a suite runs: one fresh instance per target.
 *
 * @param id             optional; derived from architecture, type and market when absent
 * @param architecture   {@code x86_64} or {@code arm64}
 * @param instanceType   the EC2 instance type being measured (locally: {@code local})
 * @param market         {@code spot}, {@code on-demand} or {@code spot-or-on-demand} (default)
 * @param threadsPerCore 1 for one thread per core (like-for-like with Graviton), absent for the
 *                       type's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Target(String id, String architecture, String instanceType, String market, Integer threadsPerCore) {

    public static final String DEFAULT_MARKET = "spot-or-on-demand";

    public String effectiveMarket() {
        return market == null ? DEFAULT_MARKET : market;
    }
}
