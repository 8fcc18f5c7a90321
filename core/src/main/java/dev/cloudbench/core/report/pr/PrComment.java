package dev.cloudbench.core.report.pr;

import dev.cloudbench.core.model.Metric;
import static dev.cloudbench.core.report.MarkdownReport.text;

import dev.cloudbench.core.crossarch.CrossArchitecture;
import dev.cloudbench.core.pr.RefVariants;
import dev.cloudbench.core.pr.RegressionGate;
import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.report.MarkdownReport;
import dev.cloudbench.core.report.ReplicaTables;
import dev.cloudbench.core.report.ReportText;
import dev.cloudbench.core.report.RunAnalysis;
import dev.cloudbench.core.report.Table;
import dev.cloudbench.core.report.TargetView;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code cloudbench report RUN --format pr-comment}: the pull-request comment of a run that measured
 * a candidate against a baseline (variants in interleaved rounds). First the hidden
 * {@link #MARKER} by which a later push finds and updates the same comment; per target (one per
 * architecture today) a verdict line and a table; the cross-architecture table; the run's cost; where
 * the full reports are. At most {@code maxLength} characters: see {@link CommentLayout}.
 */
public final class PrComment {
    /** The first line of every comment cloudbench writes on a pull request, invisible when rendered. */
    public static final String MARKER = "<!-- cloudbench-pr-comment -->";
    /** GitHub refuses comments over 65,536 characters; this leaves room to spare. */
    public static final int MAX_LENGTH = 60_000;
    /** Benchmarks a verdict line names before it only counts. */
    private static final int NAMED = 5;

    private PrComment() {
    }

    /**
     * @param reportsAt        where the full reports are, as Markdown-safe text or a URL; null: the run's directory
     * @param failOnRegression the gate's threshold in percent, or null when the run is not gated
     * @param maxLength        the comment's limit, characters
     */
    public record Options(String reportsAt, Double failOnRegression, int maxLength) {
        public static Options standard() {
            return new Options(null, null, MAX_LENGTH);
        }

        public Options withReportsAt(String where) {
            return new Options(where, failOnRegression, maxLength);
        }

        public Options withFailOnRegression(Double percent) {
            return new Options(reportsAt, percent, maxLength);
        }

        public Options withMaxLength(int characters) {
            return new Options(reportsAt, failOnRegression, characters);
        }
    }

    public static String render(RunResults run, Options options, Bootstrap bootstrap) {
        RunAnalysis analysis = RunAnalysis.of(run, Map.of(), bootstrap, VerdictRules.DEFAULT);
        String reports = options.reportsAt() == null ? "report.md and report.html beside results.json of run "
                + run.runId() : options.reportsAt();
        CommentLayout layout = new CommentLayout("report.md (" + text(reports) + ")");
        layout.text(MARKER + "\n");
        layout.text("## cloudbench · " + text(run.suite()) + ": candidate against baseline\n\n");
        layout.text(text(runLine(run)) + "\n\n");
        for (String architecture : architectures(run)) {
            List<TargetView> targets = analysis.targets().stream()
                    .filter(t -> architecture.equals(t.result().architecture())).toList();
            for (TargetView t : targets) {
                target(layout, t, options, run);
            }
        }
        replicas(layout, analysis);
        crossArchitecture(layout, run, bootstrap);
        String cost = ReportText.costLine(analysis).replace("the cost table", "the cost table of report.md");
        layout.text("### Cost\n\n" + text(cost.replaceFirst("\\.$", "")) + costPerTarget(analysis) + ".\n\n");
        layout.text("### Full reports\n\n" + reportsLine(reports) + "\n\n");
        layout.text("<sub>" + text(howToRead(options)) + "</sub>\n");
        return layout.render(options.maxLength());
    }

    /** Targets on several instances: their pooled verdicts, the spread between instances, where each ran. */
    private static void replicas(CommentLayout layout, RunAnalysis analysis) {
        if (!ReplicaTables.any(analysis)) {
            return;
        }
        layout.text("### Replicas\n\n");
        Table pooled = ReplicaTables.pooled(analysis);
        if (!pooled.isEmpty()) {
            layout.text("Verdicts pooled over each target's instances (each instance a block of rounds):\n\n"
                    + MarkdownReport.table(pooled));
        }
        Table spread = ReplicaTables.spread(analysis);
        if (!spread.isEmpty()) {
            layout.text("Spread between instances:\n\n" + MarkdownReport.table(spread));
        }
        layout.text("Where each replica ran:\n\n" + MarkdownReport.table(ReplicaTables.instances(analysis)));
    }

    private static void target(CommentLayout layout, TargetView t, PrComment.Options options, RunResults run) {
        TargetResult r = t.result();
        layout.text("### " + text(heading(t)) + "\n\n");
        boolean pooled = r.replicaOf() != null
                && run.pooledComparisons().stream().anyMatch(p -> p.target().equals(r.replicaOf()));
        layout.text("**" + text(verdictLine(r, options, pooled)) + "**\n\n");
        if (!r.succeeded()) {
            layout.text("> " + text(ReportText.failure(t)) + "\n\n");
        }
        String noisy = ReportText.noisyHost(t);
        if (noisy != null) {
            layout.text("> " + text(noisy) + "\n\n");
        }
        List<VariantComparison> comparisons = sorted(r.variantComparisons());
        if (comparisons.isEmpty()) {
            return;
        }
        boolean manyVariants = comparisons.stream().map(VariantComparison::variant).distinct().count() > 1;
        String baseline = comparisons.get(0).baseline();
        String candidate = manyVariants ? "variant" : comparisons.get(0).variant();
        String level = comparisons.get(0).interval() == null ? "" : " (" + Format.level(intervalLevel(comparisons)) + " interval)";
        String header = "| benchmark | " + text(baseline) + " median | " + text(candidate) + " median | change" + level
                + " | verdict | rounds |\n|---|---:|---:|---:|---|---:|\n";
        List<String> rows = comparisons.stream().map(c -> row(r, c, manyVariants)).toList();
        layout.table("All " + rows.size() + " comparisons on " + text(t.id()), header, rows);
    }

    /** {@code x86_64 · c7i.large · spot}, and the target's id when it says more (a replica's number). */
    private static String heading(TargetView t) {
        List<String> parts = new ArrayList<>();
        for (String p : t.description().split(" · ")) {
            if (!p.isBlank() && !parts.contains(p)) {
                parts.add(p);
            }
        }
        String heading = parts.isEmpty() ? t.id() : String.join(" · ", parts);
        return parts.contains(t.id()) ? heading : heading + " (target " + t.id() + ")";
    }

    /** The verdict line of one target: what the gate would say, and every verdict counted. */
    static String verdictLine(TargetResult r, Options options) {
        return verdictLine(r, options, false);
    }

    /**
     * @param pooled the target is a replica whose target has pooled verdicts: the gate reads those
     *               (RegressionGate), so this replica's own line does not pass or fail it
     */
    static String verdictLine(TargetResult r, Options options, boolean pooled) {
        if (r.variantComparisons().isEmpty()) {
            return r.succeeded() ? "No comparison: the target measured no variants." : "✗ Failed before any comparison.";
        }
        Map<Verdict, List<VariantComparison>> byVerdict = new LinkedHashMap<>();
        for (VariantComparison c : sorted(r.variantComparisons())) {
            byVerdict.computeIfAbsent(c.verdictValue(), v -> new ArrayList<>()).add(c);
        }
        List<String> parts = new ArrayList<>();
        byVerdict.forEach((v, cs) -> {
            String names = v == Verdict.SLOWER || v == Verdict.FASTER
                    ? ": " + cs.stream().limit(NAMED).map(c -> label(c, true) + " " + Format.percent(c.changePercent()))
                            .collect(Collectors.joining(", ")) + (cs.size() > NAMED ? ", …" : "")
                    : "";
            parts.add(v.symbol() + " " + cs.size() + " " + v.label() + names);
        });
        String gate = "";
        if (options.failOnRegression() != null && pooled) {
            gate = " — the gate reads the pooled verdicts of " + r.replicaOf();
        } else if (options.failOnRegression() != null) {
            RegressionGate.Decision d = new RegressionGate(options.failOnRegression())
                    .judge(List.of(r));
            gate = (d.fails() ? " — fails" : " — passes") + " the " + Format.percent(options.failOnRegression()).substring(1)
                    + " regression gate";
        }
        return String.join(" · ", parts) + gate + (r.succeeded() ? "" : " (the target failed: partial)");
    }

    private static String row(TargetResult r, VariantComparison c, boolean withVariant) {
        String base = median(r, c.baseline(), c).map(m -> Format.value(c.metricValue(), m)).orElse("—");
        String mine = median(r, c.variant(), c).map(m -> Format.value(c.metricValue(), m)).orElse("—");
        String change = Format.percent(c.changePercent())
                + (c.interval() == null ? "" : " (" + Format.changeRange(c.interval()) + ")");
        Verdict v = c.verdictValue();
        String verdict = v.symbol() + " " + v.label();
        if (v == Verdict.SLOWER) {
            verdict = "**" + verdict + "**";
        }
        return "| " + text(label(c, withVariant)) + " | " + base + " | " + mine + " | " + change + " | " + verdict
                + " | " + c.rounds() + " |\n";
    }

    private static String label(VariantComparison c, boolean withVariant) {
        String label = Format.label(c.benchmark(), c.parameters())
                + (c.metricValue() == Metric.WALL_TIME ? "" : " [" + c.metric() + "]");
        return withVariant && !RefVariants.CANDIDATE.equals(c.variant()) ? label + " · " + c.variant() : label;
    }

    private static Optional<Double> median(TargetResult r, String variant, VariantComparison c) {
        return r.benchmarks().stream().filter(b -> variant.equals(b.variant()) && b.benchmark().equals(c.benchmark())
                && b.parameters().equals(c.parameters()) && b.metricValue() == c.metricValue()).findFirst().map(b -> b.statistics().median());
    }

    /** Regressions first, then unstable, faster, unchanged; larger changes first. */
    private static List<VariantComparison> sorted(List<VariantComparison> comparisons) {
        return comparisons.stream().sorted(VariantComparison.REGRESSIONS_FIRST).toList();
    }

    private static double intervalLevel(List<VariantComparison> comparisons) {
        return comparisons.stream().filter(c -> c.interval() != null).findFirst().map(c -> c.interval().level())
                .orElse(Bootstrap.DEFAULT_LEVEL);
    }

    private static void crossArchitecture(CommentLayout layout, RunResults run, Bootstrap bootstrap) {
        layout.text("### arm64 against x86_64\n\n");
        List<CrossArchitecture.Row> rows = CrossArchitecture.of(run, bootstrap);
        if (rows.isEmpty()) {
            layout.text("_Not measured on both architectures: no cross-architecture result._\n\n");
            return;
        }
        boolean oneInstance = rows.stream().anyMatch(r -> r.basis() == CrossArchitecture.Basis.RUNS);
        layout.text(text("Ratio of medians, arm64 ÷ x86_64: below 1× arm64 takes less time, or costs less per run"
                + " (median × the price recorded at launch). Unpaired, the instance is the unit. "
                + (oneInstance ? "With one instance per architecture the interval resamples that instance's runs: it"
                + " leaves out how much another instance of the same type would differ (replicas would measure that)."
                : "The interval resamples instances.")) + "\n\n");
        boolean types = rows.stream().map(r -> r.armType() + r.x86Type()).distinct().count() > 1;
        String header = "| benchmark" + (types ? " | types" : "") + " | " + text("x86_64 median | arm64 median | time arm64"
                + " ÷ x86_64 | cost per run arm64 ÷ x86_64").replace("\\|", "|") + " |\n|---" + (types ? "|---" : "")
                + "|---:|---:|---:|---:|\n";
        List<String> lines = new ArrayList<>();
        for (CrossArchitecture.Row r : rows) {
            String label = Format.label(r.benchmark(), r.parameters()) + (r.variant() == null ? "" : " · " + r.variant());
            String cost = r.costRatio() == null ? "— (no price recorded at launch)" : Format.ratio(r.costRatio())
                    + (r.costInterval() == null ? "" : " (" + Format.range(r.costInterval(), Format::ratio) + ")");
            lines.add("| " + text(label) + (types ? " | " + text(r.armType() + " ÷ " + r.x86Type()) : "") + " | "
                    + Format.seconds(r.x86Median()) + " | " + Format.seconds(r.armMedian()) + " | "
                    + Format.ratio(r.ratio()) + (r.interval() == null ? "" : " (" + Format.range(r.interval(), Format::ratio) + ")")
                    + " | " + cost + " |\n");
        }
        layout.table("All " + lines.size() + " benchmarks on both architectures", header, lines);
    }

    private static String costPerTarget(RunAnalysis a) {
        List<String> parts = a.targets().stream().filter(t -> t.result().cost() != null && t.result().cost().amount() != null)
                .map(t -> t.id() + " " + Format.usd(t.result().cost().amount())).toList();
        return parts.size() < 2 ? "" : " (" + text(String.join(", ", parts)) + ")";
    }

    private static String reportsLine(String reports) {
        if (reports.startsWith("https://")) {
            return "report.md and report.html: " + reports;
        }
        return text(reports) + ".";
    }

    private static String runLine(RunResults run) {
        List<String> commits = new ArrayList<>();
        run.targets().stream().map(TargetResult::environment).filter(Objects::nonNull)
                .flatMap(e -> e.variantCommits().entrySet().stream())
                .map(e -> e.getKey() + " " + shortCommit(e.getValue())).distinct().forEach(commits::add);
        return "Run " + run.runId() + " · " + run.status() + " · " + run.targets().size() + " target(s)"
                + (commits.isEmpty() ? "" : " · " + String.join(" against ", reversed(commits)));
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static List<String> architectures(RunResults run) {
        List<String> order = new ArrayList<>(List.of(CrossArchitecture.X86_64, CrossArchitecture.ARM64));
        run.targets().stream().map(TargetResult::architecture).filter(Objects::nonNull).distinct()
                .filter(a -> !order.contains(a)).forEach(order::add);
        return order.stream().filter(a -> run.targets().stream().anyMatch(t -> a.equals(t.architecture()))).toList();
    }

    private static String howToRead(Options options) {
        return "Each target measured the baseline and the candidate in interleaved rounds on the same instance."
                + " Change: the paired ratio of medians over rounds, with its bootstrap interval. ▲ slower and ▼ faster"
                + " are significant after Holm's correction and beyond the suite's minimum effect; ≈ no significant"
                + " change; ? unstable: the rounds disagree too much to tell."
                + (options.failOnRegression() == null ? ""
                : " Only ▲ slower by more than " + Format.percent(options.failOnRegression()).substring(1)
                + " fails the check; unstable and no significant change never do.");
    }
}
