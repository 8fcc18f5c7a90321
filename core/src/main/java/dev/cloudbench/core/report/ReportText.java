package dev.cloudbench.core.report;

import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.InstanceTime;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.PairedRules;
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
                    + " baseline of its next run (a target on a host the noise canary left out as noisy does not).";
        }
        if (runs.size() == 1) {
            return "Baseline: run " + runs.get(0) + ".";
        }
        return "Baselines: " + a.targets().stream().filter(t -> t.baseline() != null)
                .map(t -> t.id() + " against run " + t.baseline().runId()).collect(Collectors.joining(", ")) + ".";
    }

    /** {@code 1 slower, 3 no significant change}, or null without comparisons. */
    public static String verdictSummary(RunAnalysis a) {
        return summary(a.verdictCounts());
    }

    private static String summary(Map<Verdict, Long> counts) {
        if (counts.isEmpty()) {
            return null;
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    /** {@code ▲ slower}, with {@code , inconclusive} when more rounds could have changed the kind of answer. */
    public static String verdictWords(Verdict v, boolean settled) {
        return v.symbol() + " " + v.label() + (settled ? "" : ", inconclusive");
    }

    /** {@code 1 slower, 2 no significant change} over the variant comparisons, or null without any. */
    public static String variantSummary(RunAnalysis a) {
        return summary(a.variantVerdictCounts());
    }

    /** How the variants were compared, for the section's first line. */
    public static String variantsLine(RunAnalysis a) {
        return "Each variant against the baseline variant on the same instance, over interleaved rounds: every round"
                + " runs every variant of every benchmark, in an order drawn (or rotated) per round and recorded with"
                + " each time. Change: the paired ratio of medians (per round, variant median ÷ baseline median;"
                + " their Hodges–Lehmann centre), with a " + Format.level(a.bootstrap().level()) + " bootstrap interval"
                + " over rounds. p: Wilcoxon signed-rank over rounds, Holm-adjusted over the target's comparisons."
                + " Round noise: how much rounds disagree (robust standard deviation of their log-ratios).";
    }

    /** Per target with rounds: how many, in what order, and why they stopped. */
    public static List<String> roundsLines(RunAnalysis a) {
        List<String> lines = new ArrayList<>();
        for (TargetView t : a.targets()) {
            RoundsRecord r = t.result().rounds();
            if (r == null) {
                if (!t.result().variantComparisons().isEmpty()) {
                    lines.add(t.id() + ": " + measuredRounds(t) + " round(s) measured; no look was recorded (the target"
                            + " stopped before its first), so they are judged once, at the whole α.");
                }
                continue;
            }
            lines.add(String.format(Locale.ROOT, "%s: %d round(s) of at most %d%s, %s order (seed %s); looks after %s"
                            + " round(s); stopped because %s.", t.id(), measuredRounds(t), r.max(),
                    r.maxSeconds() == null ? "" : " or " + r.maxSeconds() + " s", r.order(), Long.toHexString(r.seed()),
                    r.looks().isEmpty() ? "no" : r.looks().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    r.stoppedReason()));
        }
        return lines;
    }

    private static int measuredRounds(TargetView t) {
        return t.result().variantComparisons().stream().mapToInt(c -> c.rounds()).max()
                .orElse(t.result().rounds() == null ? 0 : t.result().rounds().completed());
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
                + instanceTimeSplit(a) + ".";
    }

    /** {@code , for 14 min of instance time (11 min benchmarking, 3 min overhead)}; empty when not recorded. */
    private static String instanceTimeSplit(RunAnalysis a) {
        List<InstanceTime> times = a.targets().stream().map(t -> t.result().instanceTime())
                .filter(t -> t != null && t.benchmarkSeconds() != null && t.overheadSeconds() != null).toList();
        if (times.isEmpty()) {
            return "";
        }
        double benchmarking = times.stream().mapToDouble(InstanceTime::benchmarkSeconds).sum();
        double overhead = times.stream().mapToDouble(InstanceTime::overheadSeconds).sum();
        return ", for " + Format.duration(benchmarking + overhead) + " of instance time ("
                + Format.duration(benchmarking) + " benchmarking, " + Format.duration(overhead) + " overhead"
                + (times.size() < a.targets().size() ? ", " + times.size() + " of " + a.targets().size() + " targets" : "")
                + ")";
    }

    /** One line per failed target: where and why. */
    public static List<String> failures(RunAnalysis a) {
        return a.failedTargets().stream().map(ReportText::failure).toList();
    }

    /** One line per target whose noise canary marked a noisy host: left out or kept, and why. */
    public static List<String> noisyHosts(RunAnalysis a) {
        return a.targets().stream().map(ReportText::noisyHost).filter(l -> l != null).toList();
    }

    /**
     * {@code arm: left out of verdicts and of comparisons across targets as a noisy host — canary …};
     * null when the canary did not mark the target's host noisy.
     */
    public static String noisyHost(TargetView t) {
        Canary c = t.result().environment() == null ? null : t.result().environment().canary();
        if (c == null || !c.noisyHost()) {
            return null;
        }
        return t.id() + (t.result().leftOutAsNoisy()
                ? ": left out of verdicts and of comparisons across targets as a noisy host (its measurements are kept) — "
                : ": noisy host, kept in verdicts as the suite asks (canary.excludeNoisy false) — ") + c.reason() + ".";
    }

    /** {@code arm: in Check Benchmark: benchmark 'x' failed with exit code 1 (BenchmarkFailedException)} */
    public static String failure(TargetView t) {
        TargetError e = t.result().error();
        return t.id() + ": " + (e == null ? "failed (no reason recorded)"
                : (e.state() == null ? "" : "in " + e.state() + ": ") + e.message() + " (" + e.shortName() + ")");
    }

    /** What the reference of the side-by-side table is, and how to read it. */
    public static String sideBySideLine(RunAnalysis a) {
        String line = "Each target's median divided by " + a.reference().id() + "'s (" + a.reference().description()
                + "): above 1× takes longer. ▲ slower, ▼ faster, ≈ no significant difference, ? cannot tell.";
        if (a.hasVariants()) {
            line += " Across targets nothing is paired: each instance is one unit, compared by its median with the"
                    + " instances of the reference's kind; with fewer than " + InstanceUnits.MIN_INSTANCES
                    + " instances of each kind the ratio stands without a verdict.";
        }
        return line;
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
        if (a.hasVariants()) {
            var r = PairedRules.DEFAULT;
            notes.add(String.format(Locale.ROOT, "Variant verdicts: slower or faster when the Holm-adjusted p-value is"
                    + " at most the level of the look and the change is at least the minimum effect (%s unless the suite"
                    + " sets another); no significant change otherwise, or when significant but smaller; unstable with"
                    + " fewer than %d rounds, when rounds disagree by more than ±%s, or when an insignificant interval"
                    + " reaches beyond ±%s. Rounds are added while a comparison is inconclusive, up to the budget; each"
                    + " look spends part of α = %s (α·t^%s at fraction t of the round budget), so looking again does not"
                    + " add false positives. Intervals are not adjusted for looks or benchmarks; verdicts are.",
                    pct(r.minEffect()), r.minRounds(), pct(r.maxNoise()), pct(r.resolution()), r.alpha(),
                    (int) r.spending()));
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
