package dev.cloudbench.cli.output;

import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The results table printed at the end of a run: one block per target. */
public final class ResultsTable {
    private ResultsTable() {
    }

    public static void print(RunResults results, PrintWriter out) {
        for (TargetResult t : results.targets()) {
            out.println();
            out.println("Target " + t.targetId() + " (" + t.architecture() + ", " + t.instanceType() + "): "
                    + t.status() + (t.error() == null ? "" : " — " + t.error().message()));
            noisyHost(t, out);
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"benchmark", "mean ± σ", "median", "min", "max", "runs"});
            for (BenchmarkResult b : t.benchmarks()) {
                Statistics s = b.statistics();
                rows.add(new String[] {Format.label(b), Format.seconds(s.mean()) + " ± " + Format.seconds(s.stddev()),
                    Format.seconds(s.median()), Format.seconds(s.min()), Format.seconds(s.max()),
                    s.runs() + (b.fewerRunsThanRequested() ? " of " + b.runsRequested() : "")});
            }
            if (rows.size() > 1) {
                table(rows, out);
            }
            if (!t.missingBenchmarks().isEmpty()) {
                out.println("  not measured: " + String.join(", ", t.missingBenchmarks()));
            }
            variants(t, out);
        }
        pooled(results, out);
    }

    /** A host the noise canary marked: why, and whether its wall-time verdicts count. */
    private static void noisyHost(TargetResult t, PrintWriter out) {
        Canary c = t.environment() == null ? null : t.environment().canary();
        if (c == null || !c.noisyHost()) {
            return;
        }
        out.println("  noisy host: " + c.reason() + (t.leftOutAsNoisy()
                ? " — its wall-time verdicts are not judged, and it is left out of comparisons across targets"
                        + " (\"canary\": {\"excludeNoisy\": false} keeps it)"
                : " — kept in verdicts (\"excludeNoisy\": false)"));
    }

    /** A replicated target's verdicts over all its replicas' rounds, the instance as the block. */
    private static void pooled(RunResults results, PrintWriter out) {
        String shown = null;
        List<String[]> rows = new ArrayList<>();
        for (PooledComparison p : results.pooledComparisons()) {
            if (!p.target().equals(shown)) {
                if (rows.size() > 1) {
                    table(rows, out);
                }
                shown = p.target();
                out.println();
                out.println("Target " + p.target() + ", " + p.instances().size() + " replicas pooled ("
                        + String.join(", ", p.instances()) + "):");
                rows = new ArrayList<>();
                rows.add(new String[] {"benchmark", "variant", "change (95% CI)", "p (Holm)", "rounds", "verdict"});
            }
            rows.add(comparisonRow(p.comparison()));
        }
        if (rows.size() > 1) {
            table(rows, out);
        }
    }

    private static String[] comparisonRow(VariantComparison c) {
        String range = c.interval() == null ? "" : " (" + Format.changeRange(c.interval()) + ")";
        return new String[] {Format.label(c.benchmark(), c.parameters()), c.variant() + " vs " + c.baseline(),
            Format.percent(c.changePercent()) + range, Format.pValue(c.adjustedPValue()), String.valueOf(c.rounds()),
            c.verdictValue().label() + (c.settled() ? "" : ", inconclusive")};
    }

    /** Each variant against the baseline variant, when the suite has variants. */
    private static void variants(TargetResult t, PrintWriter out) {
        if (t.variantComparisons().isEmpty()) {
            return;
        }
        out.println();
        out.println("  Variants, paired over interleaved rounds"
                + (t.rounds() == null ? "" : " (" + t.rounds().completed() + " rounds; stopped because "
                        + t.rounds().stoppedReason() + ")") + ":");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"benchmark", "variant", "change (95% CI)", "p (Holm)", "rounds", "verdict"});
        for (VariantComparison c : t.variantComparisons()) {
            rows.add(comparisonRow(c));
        }
        table(rows, out);
    }

    /** Rows under a header row, columns aligned: the first to the left, the others to the right. */
    public static void table(List<String[]> rows, PrintWriter out) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int i = 0; i < r.length; i++) {
                String cell = i == 0 ? pad(r[i], width[i], false) : pad(r[i], width[i], true);
                line.append(' ').append(cell).append(i < r.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
