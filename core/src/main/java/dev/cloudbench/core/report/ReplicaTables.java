package dev.cloudbench.core.report;

import dev.cloudbench.core.report.Table.Cell;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.HierarchicalBootstrap;
import dev.cloudbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a run with replicated targets (several instances of one target): how much the
 * instances differ, the verdicts pooled over them, and where each replica ran. Empty for a run
 * without replicas, whose reports stay as they were.
 */
public final class ReplicaTables {
    private ReplicaTables() {
    }

    /** True when some target ran on several instances. */
    public static boolean any(RunAnalysis a) {
        return a.targets().stream().anyMatch(t -> t.result().replicaOf() != null);
    }

    /** The replicas of each replicated target, in run order. */
    static Map<String, List<TargetView>> groups(RunAnalysis a) {
        Map<String, List<TargetView>> groups = new LinkedHashMap<>();
        a.targets().stream().filter(t -> t.result().replicaOf() != null)
                .forEach(t -> groups.computeIfAbsent(t.result().replicaOf(), k -> new ArrayList<>()).add(t));
        return groups;
    }

    /**
     * Per replicated target and benchmark measured on at least two of its instances: the lowest and
     * highest instance median, and the between-instance coefficient of variation (the instance
     * medians' sample standard deviation over their mean).
     */
    public static Table spread(RunAnalysis a) {
        Table.Builder t = new Table.Builder().text("target").name("benchmark").number("instances")
                .number("instance medians (min – max)").number("max ÷ min").number("between-instance CV");
        groups(a).forEach((group, replicas) -> {
            for (String key : a.keys()) {
                List<BenchmarkResult> measured = replicas.stream().map(r -> r.benchmark(key)).flatMap(Optional::stream)
                        .map(BenchmarkView::result).toList();
                if (measured.size() < 2) {
                    continue;
                }
                double[] medians = measured.stream().mapToDouble(b -> b.statistics().median()).toArray();
                Statistics between = Statistics.of(medians);
                double min = between.min();
                double max = between.max();
                double cv = cv(medians);
                var metric = measured.get(0).metricValue();
                t.row(List.of(Cell.of(group), Cell.of(key), Cell.number(String.valueOf(medians.length), medians.length),
                        Cell.number(Format.value(metric, min) + " – " + Format.value(metric, max), min),
                        Cell.number(Format.ratio(max / min), max / min),
                        Cell.number(String.format(Locale.ROOT, "%.1f%%", cv * 100), cv)));
            }
        });
        return t.build();
    }

    /** Sample standard deviation over mean; 0 for identical values. */
    static double cv(double[] values) {
        Statistics s = Statistics.of(values);
        return s.stddev() / s.mean();
    }

    /** The verdicts pooled over each replicated target's instances: regressions first, larger changes first. */
    public static Table pooled(RunAnalysis a) {
        Table.Builder t = new Table.Builder().verdict("verdict").text("target").name("benchmark").text("variant")
                .number("change (" + Format.level(a.bootstrap().level()) + " CI)").number("p (Holm)")
                .number("round noise").number("instances").number("rounds");
        List<PooledComparison> sorted = new ArrayList<>(a.run().pooledComparisons());
        sorted.sort(Comparator.comparing(PooledComparison::comparison, VariantComparison.REGRESSIONS_FIRST));
        for (PooledComparison p : sorted) {
            VariantComparison v = p.comparison();
            Verdict verdict = v.verdictValue();
            t.row(List.of(ReportTables.verdict(verdict, ReportText.verdictWords(verdict, v.settled())),
                    Cell.of(p.target()), Cell.of(label(v)), Cell.of(v.variant() + " vs " + v.baseline()),
                    ReportTables.change(v.changePercent(), v.interval()),
                    Cell.number(Format.pValue(v.adjustedPValue()), v.adjustedPValue()),
                    Cell.number("±" + Format.percent(Math.expm1(v.noise()) * 100).substring(1), v.noise()),
                    Cell.number(String.valueOf(p.instances().size()), p.instances().size()),
                    Cell.number(String.valueOf(v.rounds()), v.rounds())));
        }
        return t.build();
    }

    /**
     * Each replicated target against its baseline run, with the instance as the unit: this run's
     * replicas against the baseline run's replicas of the same target, for every benchmark at least
     * {@value InstanceUnits#MIN_INSTANCES} instances measured on each side (noisy hosts left out).
     * Each replica's own comparison with its namesake in the baseline run pairs two unrelated
     * instances; this one says whether the target, not one instance, changed.
     */
    public static Table againstBaseline(RunAnalysis a) {
        Table.Builder t = new Table.Builder().verdict("verdict").text("target").name("benchmark")
                .number("baseline median").number("median").number("change (" + Format.level(a.bootstrap().level())
                        + " CI)").number("instances");
        record Row(Comparison comparison, List<Cell> cells) {
        }
        List<Row> rows = new ArrayList<>();
        groups(a).forEach((group, replicas) -> {
            for (String key : a.keys()) {
                List<double[]> now = new ArrayList<>();
                List<double[]> before = new ArrayList<>();
                for (TargetView r : replicas) {
                    Optional<BenchmarkView> b = r.benchmark(key);
                    if (b.isEmpty() || r.result().leftOutAsNoisy()) {
                        continue;
                    }
                    addTimes(now, b.get().result());
                    if (r.baseline() != null && !r.baseline().target().leftOutAsNoisy()) {
                        addTimes(before, b.get().baseline());
                    }
                }
                if (now.size() < InstanceUnits.MIN_INSTANCES || before.size() < InstanceUnits.MIN_INSTANCES) {
                    continue;
                }
                Comparison c = InstanceUnits.overInstances(now, before, a.bootstrap(), a.rules());
                var metric = replicas.get(0).benchmark(key).orElseThrow().result().metricValue();
                double beforeMedian = HierarchicalBootstrap.median(before);
                double nowMedian = HierarchicalBootstrap.median(now);
                rows.add(new Row(c, List.of(ReportTables.verdict(c.verdict(), ReportText.verdictWords(c.verdict(), true)),
                        Cell.of(group), Cell.of(key), Cell.number(Format.value(metric, beforeMedian), beforeMedian),
                        Cell.number(Format.value(metric, nowMedian), nowMedian),
                        ReportTables.change(c.changePercent(), c.interval()),
                        Cell.number(now.size() + " and " + before.size(), now.size()))));
            }
        });
        rows.sort(Comparator.comparing(Row::comparison, Comparison.REGRESSIONS_FIRST));
        rows.forEach(r -> t.row(r.cells()));
        return t.build();
    }

    private static void addTimes(List<double[]> into, BenchmarkResult b) {
        if (b != null && b.times().length > 0) {
            into.add(b.times());
        }
    }

    private static String label(VariantComparison v) {
        String label = Format.label(v.benchmark(), v.parameters());
        return v.metric() == null ? label : label + " [" + v.metric() + "]";
    }

    /** Which instance and zone each replica ran on, and how it ended. */
    public static Table instances(RunAnalysis a) {
        Table.Builder t = new Table.Builder().text("target").text("replica").text("instance").text("zone")
                .text("market").text("status");
        groups(a).forEach((group, replicas) -> {
            for (TargetView r : replicas) {
                Environment e = r.result().environment();
                t.row(List.of(Cell.of(group), Cell.of(r.id()), Cell.of(e == null || e.instanceId() == null ? "—"
                        : e.instanceId()), Cell.of(e == null || e.zone() == null ? "—" : e.zone()),
                        Cell.of(e == null || e.market() == null ? r.result().market() : e.market()),
                        Cell.of(r.result().status())));
            }
        });
        return t.build();
    }

    /** One line on what the section shows. */
    public static String line(RunAnalysis a) {
        Map<String, List<TargetView>> groups = groups(a);
        List<String> parts = new ArrayList<>();
        groups.forEach((g, r) -> parts.add(g + " on " + r.size() + " instances"));
        return "Targets measured on several instances of their type (replicas): " + String.join(", ", parts) + ". "
                + "Identical instances differ; comparisons across targets treat each instance as one unit "
                + "(instances resampled, then the runs within them), and a replicated target's variants are also "
                + "compared over all its replicas together, each instance a block of rounds (pooled verdicts). "
                + "Each replica's own verdicts stay in the tables above.";
    }
}
