package dev.cloudbench.core.report;

import dev.cloudbench.core.report.chart.MediansChart;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.PairedRules;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What each chart of report.html shows, in words: the sentence under the chart, and for
 * report.md one line per row of a changes chart, verdict first, then the change with its interval.
 */
public final class ChartText {
    private ChartText() {
    }

    /** How to read a paired-changes or cross-arch chart. */
    public static String changesChart(double level, double bandPercent, String what) {
        return "The chart draws " + what + " as a square, its " + Format.level(level) + " interval as a line, every row"
                + " on one axis in percent (right of zero: more time); zero is the dark line, and the shaded band of ±"
                + bandPercent(bandPercent) + " holds changes smaller than the minimum effect. The word at the end of"
                + " each row, also its colour, is the verdict.";
    }

    public static String variantsChart(RunAnalysis a) {
        return changesChart(a.bootstrap().level(), PairedRules.DEFAULT.minEffect() * 100,
                "each variant's paired change against the baseline variant");
    }

    public static String baselineChart(RunAnalysis a) {
        return changesChart(a.bootstrap().level(), a.rules().noise() * 100, "each benchmark's change against the baseline run");
    }

    public static String crossArchitectureChart(RunAnalysis a) {
        return changesChart(a.bootstrap().level(), a.rules().noise() * 100, "how much more (or less) time each benchmark"
                + " takes on arm64 than on x86_64 (ratio of medians, unpaired: nothing pairs two machines)");
    }

    /** {@code ▲ slower: sha256 · larger vs base on local, +5.1% (+4.0% … +6.2%)} per variant comparison. */
    public static List<String> variantLines(RunAnalysis a) {
        return a.variantChanges().stream().map(c -> {
            VariantComparison v = c.comparison();
            return line(ReportText.verdictWords(v.verdictValue(), v.settled()), c.label() + " · " + v.variant() + " vs "
                    + v.baseline() + " on " + c.target().id(), v.changePercent(), v.interval());
        }).toList();
    }

    /** One line per comparison with the baseline run. */
    public static List<String> baselineLines(RunAnalysis a) {
        return a.changes().stream().map(c -> {
            Comparison change = c.benchmark().change();
            return line(ReportText.verdictWords(change.verdict(), true), c.benchmark().key() + " on " + c.target().id(),
                    change.changePercent(), change.interval());
        }).toList();
    }

    /** One line per benchmark and pair of architectures. */
    public static List<String> crossArchitectureLines(List<CrossArchitecture> rows) {
        return rows.stream().map(r -> line(ReportText.verdictWords(r.comparison().verdict(), true), r.key() + ", "
                + r.pair(), r.comparison().changePercent(), r.comparison().interval())).toList();
    }

    private static String line(String verdict, String what, double percent, Interval ratio) {
        return verdict + ": " + what + ", " + Format.percent(percent)
                + (ratio == null ? " (no interval)" : " (" + Format.changeRange(ratio) + ")");
    }

    /** How to read the medians chart, and its extremes. */
    public static String mediansChart(RunAnalysis a) {
        var groups = ReportCharts.medianGroups(a);
        boolean log = MediansChart.logarithmic(groups);
        record Value(String key, String target, double median) {
        }
        List<Value> values = groups.stream().flatMap(g -> g.bars().stream().map(b -> new Value(g.label(), b.label(),
                b.value()))).toList();
        Value fastest = values.stream().min(Comparator.comparingDouble(Value::median)).orElseThrow();
        Value slowest = values.stream().max(Comparator.comparingDouble(Value::median)).orElseThrow();
        boolean oneTarget = values.stream().map(Value::target).distinct().count() == 1;
        String span = fastest.median() > 0
                ? String.format(Locale.ROOT, " (%.1f× apart)", slowest.median() / fastest.median()) : "";
        return "One chart, one bar per " + (oneTarget ? "benchmark" : "benchmark and target") + ", every bar on one axis "
                + (log ? "with a log scale: the medians span more than " + (int) MediansChart.LOG_SPAN + "×"
                        : "starting at zero") + "; error bars: the medians' " + Format.level(a.bootstrap().level())
                + " bootstrap intervals. Shortest median: " + fastest.key() + (oneTarget ? "" : " on " + fastest.target())
                + ", " + Format.seconds(fastest.median()) + "; longest: " + slowest.key()
                + (oneTarget ? "" : " on " + slowest.target()) + ", " + Format.seconds(slowest.median()) + span + ".";
    }

    /** Percent without trailing zeros: {@code 1%}, {@code 2.5%}. */
    private static String bandPercent(double p) {
        return String.format(Locale.ROOT, "%.2f", p).replaceFirst("\\.?0+$", "") + "%";
    }
}
