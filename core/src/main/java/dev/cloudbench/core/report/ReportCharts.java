package dev.cloudbench.core.report;

import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.report.chart.ForestChart;
import dev.cloudbench.core.report.chart.MediansChart;
import dev.cloudbench.core.report.chart.Palette;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.PairedRules;
import dev.cloudbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The charts of report.html, from the same analysis the tables show: which rows, in which order. */
final class ReportCharts {
    static final String PAIRED_CHANGES = "paired-changes";
    static final String CROSS_ARCH = "cross-arch";
    static final String MEDIANS = "medians";
    static final String PRICE_PERFORMANCE = "price-performance";

    private ReportCharts() {
    }

    /** Each variant against its baseline variant, in the order of the table. */
    static String variants(RunAnalysis a) {
        boolean manyTargets = a.variantChanges().stream().map(c -> c.target().id()).distinct().count() > 1;
        List<ForestChart.Row> rows = new ArrayList<>();
        for (RunAnalysis.VariantChange c : a.variantChanges()) {
            VariantComparison v = c.comparison();
            rows.add(row(c.label() + " · " + v.variant() + " vs " + v.baseline(), manyTargets ? c.target().id() : "",
                    v.changePercent(), v.interval(), ReportText.verdictWords(v.verdictValue(), v.settled()), v.verdictValue()));
        }
        return ForestChart.render(PAIRED_CHANGES, "Paired changes: each variant against its baseline variant", rows,
                PairedRules.DEFAULT.minEffect() * 100, Format::percent, "variant vs baseline");
    }

    /** Each benchmark against the target's baseline run, in the order of the table. */
    static String changes(RunAnalysis a) {
        boolean manyTargets = a.changes().stream().map(c -> c.target().id()).distinct().count() > 1;
        List<ForestChart.Row> rows = new ArrayList<>();
        for (RunAnalysis.Change c : a.changes()) {
            Comparison change = c.benchmark().change();
            rows.add(row(c.benchmark().key(), manyTargets ? c.target().id() : "", change.changePercent(),
                    change.interval(), ReportText.verdictWords(change.verdict(), true), change.verdict()));
        }
        return ForestChart.render(PAIRED_CHANGES, "Changes against the baseline run", rows, a.rules().noise() * 100,
                Format::percent, "now vs baseline");
    }

    /** arm64 against x86_64 per benchmark. */
    static String crossArchitecture(RunAnalysis a, List<CrossArchitecture> pairs) {
        boolean manyPairs = pairs.stream().map(CrossArchitecture::pair).distinct().count() > 1;
        List<ForestChart.Row> rows = new ArrayList<>();
        for (CrossArchitecture p : pairs) {
            Comparison c = p.comparison();
            rows.add(row(p.key(), manyPairs ? p.pair() : "", c.changePercent(), c.interval(),
                    ReportText.verdictWords(c.verdict(), true), c.verdict()));
        }
        return ForestChart.render(CROSS_ARCH, "arm64 against x86_64: ratio of medians per benchmark", rows,
                a.rules().noise() * 100, Format::percent, "arm64 vs x86_64");
    }

    private static ForestChart.Row row(String label, String detail, double change, Interval ratio, String words,
                                       Verdict verdict) {
        return new ForestChart.Row(label, detail, change, ratio == null ? Double.NaN : (ratio.low() - 1) * 100,
                ratio == null ? Double.NaN : (ratio.high() - 1) * 100, verdict, words);
    }

    /** Every benchmark's median on every target, in one chart. */
    static List<MediansChart.Group> medianGroups(RunAnalysis a) {
        return groups(a, a.targets(), false);
    }

    /** What one run of each benchmark costs on each priced target, per 1,000 runs. */
    static List<MediansChart.Group> priceGroups(RunAnalysis a) {
        return groups(a, a.pricedTargets(), true);
    }

    static String medians(RunAnalysis a) {
        return MediansChart.render(MEDIANS, "Median time per run of every benchmark", medianGroups(a), Format::seconds,
                "median time per run");
    }

    static String price(RunAnalysis a) {
        return MediansChart.render(PRICE_PERFORMANCE, "Cost of 1,000 runs of every benchmark per priced target",
                priceGroups(a), Format::usd, "$ per 1,000 runs");
    }

    private static List<MediansChart.Group> groups(RunAnalysis a, List<TargetView> shown, boolean price) {
        List<MediansChart.Group> groups = new ArrayList<>();
        for (String key : a.keys()) {
            List<MediansChart.Bar> bars = new ArrayList<>();
            for (TargetView t : shown) {
                Optional<BenchmarkView> b = t.benchmark(key);
                // Seconds only: instruction counts are on a scale of their own (their tables show them).
                if (b.isEmpty() || (price && b.get().costPerRun() == null)
                        || b.get().result().metricValue() != Metric.WALL_TIME) {
                    continue;
                }
                Interval ci = price ? b.get().costPerRunInterval() : b.get().medianInterval();
                double factor = price ? 1000 : 1;
                double value = price ? b.get().costPerRun() : b.get().stats().median();
                bars.add(new MediansChart.Bar(t.id(), Palette.colour(t.colour()), value * factor,
                        ci == null ? Double.NaN : ci.low() * factor, ci == null ? Double.NaN : ci.high() * factor));
            }
            if (!bars.isEmpty()) {
                groups.add(new MediansChart.Group(key, bars));
            }
        }
        return groups;
    }
}
