package dev.cloudbench.core.plan;

import java.util.List;
import java.util.Map;

/**
 * What a run needs to detect a change of a given size, per target and benchmark, from the noise a
 * previous run measured ({@link Planner}); rendered by {@link PlanText}.
 *
 * @param suite         the suite planned
 * @param changePercent the change to detect, percent
 * @param alpha         the false-positive rate the verdicts keep (over a target's comparisons)
 * @param power         the probability of detecting the change
 * @param design        how the suite compares
 * @param comparisons   paired design: comparisons per target (benchmarks × non-baseline variants) over
 *                      which Holm spreads {@code alpha}; 1 for unpaired runs
 * @param noiseRun      the run whose noise the plan rests on
 * @param targets       one plan per target
 * @param notes         what the figures assume, one line each
 */
public record RunPlan(String suite, double changePercent, double alpha, double power, Design design, int comparisons,
                      String noiseRun, List<TargetPlan> targets, List<String> notes) {

    /** How the suite's benchmarks are compared, which decides the test and what a unit is. */
    public enum Design {
        /** Variants in interleaved rounds, Wilcoxon's signed-rank test over rounds: a unit is a round. */
        PAIRED_ROUNDS("rounds"),
        /** Plain runs against a baseline run (or another target), ratio of medians: a unit is a run. */
        UNPAIRED_RUNS("runs");

        private final String unit;

        Design(String unit) {
            this.unit = unit;
        }

        /** What {@link Row#units()} counts. */
        public String unit() {
            return unit;
        }
    }

    /**
     * One target (instance type) of the run.
     *
     * @param architecture   the target's architecture, or null when unknown
     * @param instanceType   the target's instance type
     * @param noiseFrom      which instances of the noise run the noise came from
     * @param rows           one per benchmark (parameter combination) and metric
     * @param units          the rounds the suite needs (the most any benchmark needs: one run has one
     *                       rounds setting), or for runs the largest per benchmark; null when none can be planned
     * @param replicas       instances of this target needed (the most any benchmark needs)
     * @param seconds        measuring time per instance at {@code units}, or null when unknown
     * @param complete       false when some benchmark's time is unknown (then {@code seconds} is a lower bound)
     * @param cost           USD for all replicas at the price below, or null
     * @param costBasis      the price used, or why there is no cost
     * @param runReplicas    the replicas the run asks for (the target's {@code replicas}), or null when
     *                       planned without a run
     */
    public record TargetPlan(String architecture, String instanceType, String noiseFrom, List<Row> rows, Integer units,
                             int replicas, Double seconds, boolean complete, Double cost, String costBasis,
                             Integer runReplicas) {
    }

    /**
     * One benchmark (parameter combination) and metric on one target.
     *
     * @param benchmark   the suite's benchmark
     * @param parameters  its parameter values, empty without parameter lists
     * @param metric      what is measured: {@code wall-time}
     * @param noise       the noise per unit (log scale, ≈ relative), or null when not measured
     * @param noiseSource {@code rounds} (paired round noise measured) or {@code runs} (from the runs' spread)
     * @param units       rounds (or runs) per instance needed, or null when no number of them would do
     * @param replicas    instances needed
     * @param seconds     measuring time of this benchmark per instance at {@code units}, or null
     * @param note        why there is no number, or what limits it; null when nothing to say
     */
    public record Row(String benchmark, Map<String, String> parameters, String metric, Double noise, String noiseSource,
                      Integer units, int replicas, Double seconds, String note) {
    }
}
