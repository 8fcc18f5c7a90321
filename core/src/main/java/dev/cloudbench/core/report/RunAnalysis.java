package dev.cloudbench.core.report;

import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.HyperfineWarnings;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a report shows, computed once from results.json and the baselines: intervals,
 * comparisons with the baseline and between targets, cost per run. Renderers only format it.
 *
 * @param run       the results
 * @param targets   one view per target, in results order
 * @param keys      every benchmark label of the run, in order of first appearance
 * @param reference the target others are compared with side by side, or null without two
 *                  targets that have results
 * @param bootstrap how intervals were computed
 * @param rules     how verdicts were reached
 * @param history   the link to the suite's history and the change points this run brought, or null
 */
public record RunAnalysis(RunResults run, List<TargetView> targets, List<String> keys, TargetView reference,
                          Bootstrap bootstrap, VerdictRules rules, HistoryNote history) {

    /** The same analysis, its report linking to the suite's history. */
    public RunAnalysis withHistory(HistoryNote note) {
        return new RunAnalysis(run, targets, keys, reference, bootstrap, rules, note);
    }

    public static RunAnalysis of(RunResults run, Map<String, Baseline> baselines, Bootstrap bootstrap,
                                 VerdictRules rules) {
        // Comparisons across targets leave out the noisy hosts the canary marked (their own results stay).
        List<TargetResult> compared = run.comparedTargets();
        TargetResult reference = compared.stream().filter(t -> !t.benchmarks().isEmpty()).findFirst().orElse(null);
        Map<String, BenchmarkResult> referenceByKey = reference == null ? Map.of() : byKey(reference);
        boolean sideBySide = compared.stream().filter(t -> !t.benchmarks().isEmpty()).count() >= 2;
        boolean variants = run.targets().stream().anyMatch(RunAnalysis::measuredVariants);
        Map<TargetResult, Map<String, BenchmarkResult>> allByKey = new IdentityHashMap<>();
        run.targets().forEach(t -> allByKey.put(t, byKey(t)));
        List<TargetView> views = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        TargetView referenceView = null;
        for (TargetResult t : run.targets()) {
            Baseline baseline = baselines.get(t.targetId());
            Map<String, BenchmarkResult> before = baseline == null ? Map.of() : byKey(baseline.target());
            Double price = t.cost() == null ? null : t.cost().pricePerHour();
            Map<String, BenchmarkResult> now = byKey(t);
            List<BenchmarkView> benchmarks = new ArrayList<>();
            for (Map.Entry<String, BenchmarkResult> e : now.entrySet()) {
                BenchmarkResult b = e.getValue();
                BenchmarkResult old = before.get(e.getKey());
                BenchmarkResult ref = t == reference || !sideBySide || t.leftOutAsNoisy() ? null
                        : referenceByKey.get(e.getKey());
                Comparison vsReference = ref == null ? null
                        : InstanceUnits.compare(t, reference, e.getKey(), compared, allByKey, bootstrap, rules,
                                variants);
                benchmarks.add(new BenchmarkView(e.getKey(), b, bootstrap.median(b.times()),
                        b.metricValue() == Metric.WALL_TIME ? HyperfineWarnings.of(b.times(), b.exitCodes()) : List.of(),
                        old,
                        old == null ? null : noiseJudged(t, baseline, b,
                                Comparison.of(b.times(), old.times(), bootstrap, rules)),
                        vsReference, price == null || b.metricValue() != Metric.WALL_TIME ? null
                                : b.statistics().median() * price / 3600));
                keys.add(e.getKey());
            }
            List<String> gone = before.keySet().stream().filter(k -> !now.containsKey(k)).toList();
            TargetView view = new TargetView(t, views.size(), benchmarks, baseline, gone);
            views.add(view);
            if (t == reference && sideBySide) {
                referenceView = view;
            }
        }
        return new RunAnalysis(run, views, List.copyOf(keys), referenceView, bootstrap, rules, null);
    }

    /**
     * A baseline comparison of wall time is not judged when either run's host was left out as noisy;
     * instruction counts do not move with a neighbour's load.
     */
    private static Comparison noiseJudged(TargetResult t, Baseline baseline, BenchmarkResult b, Comparison c) {
        if (b.metricValue() != Metric.WALL_TIME) {
            return c;
        }
        if (t.leftOutAsNoisy()) {
            return c.notJudged(t.noisyHostReason());
        }
        return baseline.target().leftOutAsNoisy()
                ? c.notJudged("baseline run " + baseline.runId() + " on a " + baseline.target().noisyHostReason()) : c;
    }

    /** The targets comparisons across targets take: all but the noisy hosts the canary left out. */
    public List<TargetView> comparedTargets() {
        return targets.stream().filter(t -> !t.result().leftOutAsNoisy()).toList();
    }

    /** The targets the canary left out as noisy hosts. */
    public List<TargetView> noisyHosts() {
        return targets.stream().filter(t -> t.result().leftOutAsNoisy()).toList();
    }

    /** Every comparison with a baseline, regressions first, then unstable, faster, unchanged; larger changes first. */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (TargetView t : targets) {
            for (BenchmarkView b : t.benchmarks()) {
                if (b.change() != null) {
                    changes.add(new Change(t, b));
                }
            }
        }
        changes.sort(Comparator.comparing((Change c) -> c.benchmark().change(), Comparison.REGRESSIONS_FIRST));
        return changes;
    }

    /** How many comparisons reached each verdict, in verdict order; verdicts never reached are left out. */
    public Map<Verdict, Long> verdictCounts() {
        return counts(changes().stream().map(c -> c.benchmark().change().verdict()).toList());
    }

    private static Map<Verdict, Long> counts(List<Verdict> verdicts) {
        Map<Verdict, Long> counts = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            long n = verdicts.stream().filter(x -> x == v).count();
            if (n > 0) {
                counts.put(v, n);
            }
        }
        return counts;
    }

    /** True when the run compared variants in rounds. */
    public boolean hasVariants() {
        return targets.stream().anyMatch(t -> measuredVariants(t.result()));
    }

    private static boolean measuredVariants(TargetResult t) {
        return t.rounds() != null || !t.variantComparisons().isEmpty()
                || t.benchmarks().stream().anyMatch(b -> b.variant() != null);
    }

    /** Every variant against its baseline variant, per target: regressions first, larger changes first. */
    public List<VariantChange> variantChanges() {
        List<VariantChange> changes = new ArrayList<>();
        for (TargetView t : targets) {
            for (VariantComparison c : t.result().variantComparisons()) {
                changes.add(new VariantChange(t, c));
            }
        }
        changes.sort(Comparator.comparing(VariantChange::comparison, VariantComparison.REGRESSIONS_FIRST));
        return changes;
    }

    /** How many variant comparisons reached each verdict, in verdict order. */
    public Map<Verdict, Long> variantVerdictCounts() {
        return counts(variantChanges().stream().map(c -> c.comparison().verdictValue()).toList());
    }

    public boolean hasBaseline() {
        return targets.stream().anyMatch(t -> t.baseline() != null);
    }

    /** The baseline runs compared with, in target order, each once. */
    public List<String> baselineRuns() {
        return targets.stream().map(TargetView::baseline).filter(Objects::nonNull).map(Baseline::runId).distinct().toList();
    }

    /** Sum of the known cost amounts, USD. */
    public double knownCost() {
        return targets.stream().map(t -> t.result().cost()).filter(c -> c != null && c.amount() != null)
                .mapToDouble(c -> c.amount()).sum();
    }

    /** Targets whose cost is unknown (local runs, unrecorded spot prices, plain exports). */
    public long targetsWithoutCost() {
        return targets.stream().map(t -> t.result().cost()).filter(c -> c == null || c.amount() == null).count();
    }

    /** Targets with a price per hour: the ones price-performance can be shown for. */
    public List<TargetView> pricedTargets() {
        return targets.stream().filter(t -> t.result().cost() != null && t.result().cost().pricePerHour() != null
                && !t.benchmarks().isEmpty()).toList();
    }

    public List<TargetView> failedTargets() {
        return targets.stream().filter(t -> !t.result().succeeded()).toList();
    }

    /** True when some statistic rests on fewer runs than the suite asked for. */
    public boolean anyFewerRuns() {
        return targets.stream().flatMap(t -> t.benchmarks().stream()).anyMatch(b -> b.result().fewerRunsThanRequested());
    }

    /** The warnings that occur anywhere in the run, in declaration order. */
    public List<BenchmarkWarning> warningsSeen() {
        Set<BenchmarkWarning> seen = new TreeSet<>();
        targets.forEach(t -> t.benchmarks().forEach(b -> seen.addAll(b.warnings())));
        return List.copyOf(seen);
    }

    /**
     * A target's benchmarks by key: the label, with {@code #2}, {@code #3} appended to repeats so that
     * two results with the same label are both kept.
     */
    static Map<String, BenchmarkResult> byKey(TargetResult target) {
        Map<String, BenchmarkResult> byKey = new LinkedHashMap<>();
        for (BenchmarkResult b : target.benchmarks()) {
            String label = Format.label(b);
            String key = label;
            for (int n = 2; byKey.containsKey(key); n++) {
                key = label + " #" + n;
            }
            byKey.put(key, b);
        }
        return byKey;
    }

    /** One variant comparison, with its target. */
    public record VariantChange(TargetView target, VariantComparison comparison) {
        /** The measured result of {@code variant} for the compared benchmark and parameters, if any. */
        public Optional<BenchmarkResult> result(String variant) {
            return target.result().benchmarks().stream()
                    .filter(b -> variant.equals(b.variant()) && b.benchmark().equals(comparison.benchmark())
                            && b.parameters().equals(comparison.parameters())
                            && b.metricValue() == comparison.metricValue())
                    .findFirst();
        }

        /** The benchmark's label without the variant: its name with parameter values (and metric, unless wall time). */
        public String label() {
            String label = Format.label(comparison.benchmark(), comparison.parameters());
            return comparison.metricValue() == Metric.WALL_TIME ? label : label + " [" + comparison.metric() + "]";
        }
    }

    /** One comparison with a baseline, with its target. */
    public record Change(TargetView target, BenchmarkView benchmark) {
        public Interval interval() {
            return benchmark.change().interval();
        }
    }
}
