package dev.cloudbench.core.crossarch;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.HierarchicalBootstrap;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * arm64 against x86_64: for every benchmark (and variant) measured on both architectures, the
 * ratio of medians arm64 ÷ x86_64 with its interval, and the same for the cost of one run at the
 * price recorded at launch. Below 1, arm64 takes less time (or costs less per run).
 *
 * <p>Nothing pairs an arm64 instance with an x86_64 one, so the comparison is unpaired, and the
 * unit is the instance: each target (each replica) contributes its median, and the interval
 * resamples instances, then the runs within each drawn instance ({@link HierarchicalBootstrap},
 * {@link Basis#INSTANCES}). That needs at least {@value #MIN_INSTANCES} instances of each side
 * (replicas). With fewer the interval resamples the runs of the instances there are
 * ({@link Basis#RUNS}): it says how well the instances measured were measured, not how much
 * another instance of the same type would differ.
 *
 * <p>Instance types are compared pair by pair: each arm64 type of the run against each x86_64 type.
 * Instances the noise canary left out as noisy hosts take no part ({@link RunResults#comparedTargets()}).
 */
public final class CrossArchitecture {
    public static final String ARM64 = "arm64";
    public static final String X86_64 = "x86_64";
    /** Instances a side before the interval treats the instance as the unit. */
    public static final int MIN_INSTANCES = 2;

    private CrossArchitecture() {
    }

    /** How a row's interval was resampled. */
    public enum Basis {
        /** Instances resampled, then the runs within them: the instance is the unit. */
        INSTANCES,
        /** Fewer than {@value #MIN_INSTANCES} instances on a side: the runs of those instances resampled. */
        RUNS
    }

    /**
     * One benchmark on one arm64 instance type against one x86_64 instance type.
     *
     * @param benchmark     the benchmark's name
     * @param parameters    its parameter values, empty without parameter lists
     * @param variant       the variant, or null in a suite without variants
     * @param armType       the arm64 instance type
     * @param x86Type       the x86_64 instance type
     * @param armInstances  arm64 instances (targets) that measured it
     * @param x86Instances  x86_64 instances that measured it
     * @param armMedian     median of the arm64 instances' medians, seconds
     * @param x86Median     median of the x86_64 instances' medians, seconds
     * @param ratio         {@code armMedian / x86Median}
     * @param interval      bootstrap interval of {@code ratio}, or null when a side has fewer than two values
     * @param basis         what {@code interval} resampled
     * @param costRatio     the same ratio for the cost of one run (median × price per second of each
     *                      instance), or null when an instance has no price recorded at launch
     * @param costInterval  its interval, or null
     */
    public record Row(String benchmark, Map<String, String> parameters, String variant, String armType, String x86Type,
                      int armInstances, int x86Instances, double armMedian, double x86Median, double ratio,
                      Interval interval, Basis basis, Double costRatio, Interval costInterval) {
    }

    /** Every benchmark measured on both architectures, in the order of the run's first arm64 target. */
    public static List<Row> of(RunResults run, Bootstrap bootstrap) {
        List<Row> rows = new ArrayList<>();
        for (String armType : types(run, ARM64)) {
            for (String x86Type : types(run, X86_64)) {
                List<TargetResult> arm = targets(run, ARM64, armType);
                List<TargetResult> x86 = targets(run, X86_64, x86Type);
                for (Case c : cases(arm)) {
                    List<Measured> a = measured(arm, c);
                    List<Measured> x = measured(x86, c);
                    if (!a.isEmpty() && !x.isEmpty()) {
                        rows.add(row(c, armType, x86Type, a, x, bootstrap));
                    }
                }
            }
        }
        return rows;
    }

    private static Row row(Case c, String armType, String x86Type, List<Measured> arm, List<Measured> x86,
                           Bootstrap bootstrap) {
        double[] armMedians = arm.stream().mapToDouble(m -> m.result().statistics().median()).toArray();
        double[] x86Medians = x86.stream().mapToDouble(m -> m.result().statistics().median()).toArray();
        double armMedian = median(armMedians);
        double x86Median = median(x86Medians);
        boolean instances = arm.size() >= MIN_INSTANCES && x86.size() >= MIN_INSTANCES;
        Basis basis = instances ? Basis.INSTANCES : Basis.RUNS;
        HierarchicalBootstrap hierarchical = new HierarchicalBootstrap(bootstrap);
        Interval interval = instances ? hierarchical.ratioOfMedians(times(arm), times(x86))
                : bootstrap.ratioOfMedians(pooled(arm), pooled(x86));
        Double costRatio = null;
        Interval costInterval = null;
        if (arm.stream().allMatch(m -> m.price() != null) && x86.stream().allMatch(m -> m.price() != null)) {
            double[] armCosts = arm.stream().mapToDouble(m -> m.result().statistics().median() * m.price() / 3600).toArray();
            double[] x86Costs = x86.stream().mapToDouble(m -> m.result().statistics().median() * m.price() / 3600).toArray();
            costRatio = median(armCosts) / median(x86Costs);
            if (instances) {
                costInterval = hierarchical.ratioOfMedians(costs(arm), costs(x86));
            } else if (interval != null) {
                // The price is one number per instance: the time's interval scales by the price ratio.
                double priceRatio = median(arm.stream().mapToDouble(Measured::price).toArray())
                        / median(x86.stream().mapToDouble(Measured::price).toArray());
                costInterval = interval.times(priceRatio);
            }
        }
        return new Row(c.benchmark(), c.parameters(), c.variant(), armType, x86Type, arm.size(), x86.size(), armMedian,
                x86Median, armMedian / x86Median, interval, basis, costRatio, costInterval);
    }

    /** A benchmark, its parameters and variant: what is compared across architectures. */
    private record Case(String benchmark, Map<String, String> parameters, String variant) {
        static Case of(BenchmarkResult b) {
            return new Case(b.benchmark(), b.parameters(), b.variant());
        }
    }

    /** One instance's result of a case, with the instance's price per hour (null when unknown). */
    private record Measured(BenchmarkResult result, Double price) {
    }

    private static Set<String> types(RunResults run, String architecture) {
        Set<String> types = new LinkedHashSet<>();
        run.comparedTargets().stream().filter(t -> architecture.equals(t.architecture()) && !t.benchmarks().isEmpty())
                .forEach(t -> types.add(t.instanceType()));
        return types;
    }

    private static List<TargetResult> targets(RunResults run, String architecture, String type) {
        return run.comparedTargets().stream()
                .filter(t -> architecture.equals(t.architecture()) && Objects.equals(type, t.instanceType())).toList();
    }

    private static List<Case> cases(List<TargetResult> targets) {
        Map<Case, Boolean> seen = new LinkedHashMap<>();
        targets.forEach(t -> t.benchmarks().forEach(b -> seen.put(Case.of(b), true)));
        return List.copyOf(seen.keySet());
    }

    private static List<Measured> measured(List<TargetResult> targets, Case c) {
        List<Measured> out = new ArrayList<>();
        for (TargetResult t : targets) {
            t.benchmarks().stream().filter(b -> Case.of(b).equals(c) && b.times().length > 0).findFirst()
                    .ifPresent(b -> out.add(new Measured(b, price(t))));
        }
        return out;
    }

    /**
     * The price the fleet recorded at launch, or null. Not the bundled list price a cost may fall
     * back to: a ratio per dollar from an estimate would read as a measurement.
     */
    static Double price(TargetResult t) {
        return t.environment() == null ? null : t.environment().pricePerHour();
    }

    /** Per instance, its times. */
    private static List<double[]> times(List<Measured> measured) {
        return measured.stream().map(m -> m.result().times()).toList();
    }

    /** Per instance, the cost of each run: its time × the instance's price per second. */
    private static List<double[]> costs(List<Measured> measured) {
        return measured.stream().map(m -> Arrays.stream(m.result().times()).map(t -> t * m.price() / 3600).toArray())
                .toList();
    }

    private static double[] pooled(List<Measured> measured) {
        return measured.stream().flatMapToDouble(m -> Arrays.stream(m.result().times())).toArray();
    }

    private static double median(double[] values) {
        return Quantiles.median(Quantiles.sorted(values));
    }
}
