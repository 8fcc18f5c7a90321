package dev.cloudbench.core.results;

import java.util.List;

/**
 * A spot reclaim during a target's run. The target was retried once on on-demand of the same
 * type; the benchmarks listed here were measured on the reclaimed instance before it went, and
 * are kept — reports mark them.
 *
 * @param instanceId the reclaimed instance
 * @param market     its market (spot)
 * @param zone       its availability zone
 * @param benchmarks benchmarks measured on it
 * @param at         when the retry started (ISO-8601)
 */
public record Interruption(String instanceId, String market, String zone, List<String> benchmarks, String at) {
}
