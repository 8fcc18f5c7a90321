package dev.cloudbench.core.report;

import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The sentences every report shows, as plain text; each renderer escapes and decorates them. */
public final class ReportText {
    private ReportText() {
    }

    public static String title(RunAnalysis a) {
        return "cloudbench: " + a.run().suite();
    }

    /** Run id, status, time, target count. */
    public static String runLine(RunAnalysis a) {
        return "Run " + a.run().runId() + " · " + a.run().status() + " · " + a.run().generatedAt() + " · "
                + a.targets().size() + " target(s)";
    }

    /** Which runs the targets were compared with, or that there was none. */
    public static String baselineLine(RunAnalysis a) {
        List<String> runs = a.baselineRuns();
        if (runs.isEmpty()) {
            return "No baseline: nothing to compare with. The latest successful run of a suite becomes the"
                    + " baseline of its next run.";
        }
        if (runs.size() == 1) {
            return "Baseline: run " + runs.get(0) + ".";
        }
        return "Baselines: " + a.targets().stream().filter(t -> t.baseline() != null)
                .map(t -> t.id() + " against run " + t.baseline().runId()).collect(Collectors.joining(", ")) + ".";
    }

    /** {@code 1 slower, 3 no significant change}, or null without comparisons. */
    public static String verdictSummary(RunAnalysis a) {
        Map<Verdict, Long> counts = a.verdictCounts();
        if (counts.isEmpty()) {
            return null;
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    public static String costLine(RunAnalysis a) {
        long unknown = a.targetsWithoutCost();
        if (a.targets().stream().allMatch(TargetView::local)) {
            return "Cost: none, a local run is not billed.";
        }
        if (unknown == a.targets().size()) {
            return "Cost: unknown for every target (see the cost table for why).";
        }
        return "Cost: " + Format.usd(a.knownCost()) + (unknown == 0 ? "" : " plus " + unknown + " target(s) of unknown cost")
                + ".";
    }

    /** One line per failed target: where and why. */
    public static List<String> failures(RunAnalysis a) {
        return a.failedTargets().stream().map(ReportText::failure).toList();
    }

    /** {@code arm: in Check Benchmark: benchmark 'x' failed with exit code 1 (BenchmarkFailedException)} */
    public static String failure(TargetView t) {
        TargetError e = t.result().error();
        return t.id() + ": " + (e == null ? "failed (no reason recorded)"
                : (e.state() == null ? "" : "in " + e.state() + ": ") + e.message() + " (" + e.shortName() + ")");
    }

    /** What the reference of the side-by-side table is, and how to read it. */
    public static String sideBySideLine(RunAnalysis a) {
        return "Each target's median divided by " + a.reference().id() + "'s (" + a.reference().description()
                + "): above 1× takes longer. ▲ slower, ▼ faster, ≈ no significant difference, ? cannot tell.";
    }

    /** How the numbers were computed; only what applies to this report. */
    public static List<String> notes(RunAnalysis a) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Medians with %s percentile-bootstrap confidence intervals (%,d resamples,"
                        + " fixed seed: the same results always give the same report).",
                Format.level(a.bootstrap().level()), a.bootstrap().resamples()));
        if (a.hasBaseline() || a.reference() != null) {
            var r = a.rules();
            notes.add(String.format(Locale.ROOT, "Comparisons use the ratio of medians with a bootstrap interval."
                    + " Slower or faster: the whole interval lies above or below 1 and the change exceeds %s."
                    + " No significant change: the interval includes 1 and stays within ±%s, or the change is under %s."
                    + " Unstable: fewer than %d runs on a side, or the interval includes 1 but reaches beyond ±%s.",
                    pct(r.noise()), pct(r.resolution()), pct(r.noise()), r.minRuns(), pct(r.resolution())));
        }
        for (BenchmarkWarning w : a.warningsSeen()) {
            notes.add(w.id() + ": " + w.description() + " (hyperfine's rule, recomputed from the raw times).");
        }
        if (a.anyFewerRuns()) {
            notes.add("\"7 of 10\": fewer runs were measured than the suite asked for; the statistics of that row"
                    + " rest on the runs measured only.");
        }
        if (a.targets().stream().flatMap(t -> t.benchmarks().stream()).anyMatch(b -> b.result().runsRequested() == null)) {
            notes.add("Plain hyperfine exports do not say how many runs were asked for: run counts are as measured.");
        }
        return notes;
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** The sentence that marks results measured on an instance a spot reclaim took away, or empty. */
    public static String interruption(TargetView t) {
        var i = t.result().interruption();
        if (i == null) {
            return "";
        }
        return "Spot instance " + i.instanceId() + " (" + i.zone() + ") was reclaimed during the run; the target was"
                + " retried on on-demand. Measured on the interrupted instance: "
                + (i.benchmarks().isEmpty() ? "nothing" : String.join(", ", i.benchmarks())) + ".";
    }
}
