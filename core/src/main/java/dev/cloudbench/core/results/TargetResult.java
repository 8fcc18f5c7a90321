package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.model.Metric;
import java.util.List;

/**
 * A target's part of results.json.
 *
 * @param targetId          the target
 * @param architecture      as requested
 * @param instanceType      as requested
 * @param market            as requested (what was actually used is in {@code environment.market})
 * @param status            {@code succeeded} or {@code failed}
 * @param error             why it failed, or null
 * @param environment       the machine, or null when it never reported
 * @param benchmarks        every result measured, including those measured before a failure
 * @param missingBenchmarks benchmarks of the suite with no result
 * @param cost              what the target cost, as far as known; null when not computed
 * @param baselineRunId     the run this target was compared with, or null
 * @param rounds            a suite with variants: how its rounds went; null otherwise
 * @param variantComparisons a suite with variants: each variant against the baseline variant, per
 *                          benchmark, from the rounds measured on this target; empty otherwise
 * @param interruption      the spot reclaim the target survived by a retry on on-demand, or null
 * @param instanceTime      where the instance's time went (launch, ready, benchmarking, terminate
 *                          request); null in results written before it was recorded
 * @param replicaOf         the requested target this is a replica of (several instances of one
 *                          target); null for a target on one instance
 * @param replica           which replica, from 1; null for a target on one instance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetResult(
        String targetId,
        String architecture,
        String instanceType,
        String market,
        String status,
        TargetError error,
        Environment environment,
        List<BenchmarkResult> benchmarks,
        List<String> missingBenchmarks,
        Cost cost,
        String baselineRunId,
        RoundsRecord rounds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<VariantComparison> variantComparisons,
        Interruption interruption,
        InstanceTime instanceTime,
        String replicaOf,
        Integer replica) {

    public TargetResult {
        benchmarks = benchmarks == null ? List.of() : benchmarks;
        missingBenchmarks = missingBenchmarks == null ? List.of() : missingBenchmarks;
        variantComparisons = variantComparisons == null ? List.of() : variantComparisons;
    }

    /** A target on one instance. */
    public TargetResult(String targetId, String architecture, String instanceType, String market, String status,
                        TargetError error, Environment environment, List<BenchmarkResult> benchmarks,
                        List<String> missingBenchmarks, Cost cost, String baselineRunId, RoundsRecord rounds,
                        List<VariantComparison> variantComparisons, Interruption interruption,
                        InstanceTime instanceTime) {
        this(targetId, architecture, instanceType, market, status, error, environment, benchmarks, missingBenchmarks,
                cost, baselineRunId, rounds, variantComparisons, interruption, instanceTime, null, null);
    }

    /** A target of a suite without variants. */
    public TargetResult(String targetId, String architecture, String instanceType, String market, String status,
                        TargetError error, Environment environment, List<BenchmarkResult> benchmarks,
                        List<String> missingBenchmarks, Cost cost, String baselineRunId) {
        this(targetId, architecture, instanceType, market, status, error, environment, benchmarks, missingBenchmarks,
                cost, baselineRunId, null, null, null, null);
    }

    /** A target that was never interrupted. */
    public TargetResult(String targetId, String architecture, String instanceType, String market, String status,
                        TargetError error, Environment environment, List<BenchmarkResult> benchmarks,
                        List<String> missingBenchmarks, Cost cost, String baselineRunId, RoundsRecord rounds,
                        List<VariantComparison> variantComparisons) {
        this(targetId, architecture, instanceType, market, status, error, environment, benchmarks, missingBenchmarks,
                cost, baselineRunId, rounds, variantComparisons, null, null);
    }

    /** A target without its instance time (results written before it was recorded). */
    public TargetResult(String targetId, String architecture, String instanceType, String market, String status,
                        TargetError error, Environment environment, List<BenchmarkResult> benchmarks,
                        List<String> missingBenchmarks, Cost cost, String baselineRunId, RoundsRecord rounds,
                        List<VariantComparison> variantComparisons, Interruption interruption) {
        this(targetId, architecture, instanceType, market, status, error, environment, benchmarks, missingBenchmarks,
                cost, baselineRunId, rounds, variantComparisons, interruption, null);
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }

    /**
     * True when the noise canary marked this target's instance a noisy host and the suite leaves noisy
     * hosts out ({@code environment.canary.leftOut}): its wall-time verdicts are not judged, and it
     * takes no part in comparisons across targets.
     */
    public boolean leftOutAsNoisy() {
        return environment != null && environment.canary() != null
                && Boolean.TRUE.equals(environment.canary().leftOut());
    }

    /** {@code noisy host: canary …}: why {@link #leftOutAsNoisy()}, for the verdicts it leaves unjudged; null when not. */
    public String noisyHostReason() {
        return leftOutAsNoisy() ? "noisy host: " + environment.canary().reason() : null;
    }

    /**
     * The same target, its wall-time variant comparisons not judged when it is {@link #leftOutAsNoisy()}:
     * instruction counts do not move with a neighbour's load, so their verdicts stand.
     */
    public TargetResult judgedForNoise() {
        if (!leftOutAsNoisy()) {
            return this;
        }
        String why = noisyHostReason();
        return with(benchmarks, cost, variantComparisons.stream()
                .map(c -> c.metricValue() == Metric.WALL_TIME ? c.notJudged(why) : c).toList());
    }

    /** The same target on {@code newEnvironment}. */
    public TargetResult withEnvironment(Environment newEnvironment) {
        return new TargetResult(targetId, architecture, instanceType, market, status, error, newEnvironment, benchmarks,
                missingBenchmarks, cost, baselineRunId, rounds, variantComparisons, interruption, instanceTime, replicaOf,
                replica);
    }

    /** The target this result belongs to: {@code replicaOf} for a replica, else its own id. */
    @JsonIgnore
    public String groupId() {
        return replicaOf == null ? targetId : replicaOf;
    }

    public TargetResult withBaseline(String runId) {
        return new TargetResult(targetId, architecture, instanceType, market, status, error, environment, benchmarks,
                missingBenchmarks, cost, runId, rounds, variantComparisons, interruption, instanceTime, replicaOf,
                replica);
    }

    /** The same result as replica {@code number} of target {@code of} (both null: a target on one instance). */
    public TargetResult asReplica(String of, Integer number) {
        return new TargetResult(targetId, architecture, instanceType, market, status, error, environment, benchmarks,
                missingBenchmarks, cost, baselineRunId, rounds, variantComparisons, interruption, instanceTime, of,
                number);
    }

    /** The same target with its benchmarks, cost and comparisons as given. */
    public TargetResult with(List<BenchmarkResult> newBenchmarks, Cost newCost, List<VariantComparison> comparisons) {
        return new TargetResult(targetId, architecture, instanceType, market, status, error, environment, newBenchmarks,
                missingBenchmarks, newCost, baselineRunId, rounds, comparisons, interruption, instanceTime, replicaOf,
                replica);
    }
}
