package dev.cloudbench.core.results;

import java.util.Locale;

/** report.md: a per-target table of every benchmark, and what failed. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(RunResults run) {
        StringBuilder md = new StringBuilder();
        md.append("# cloudbench: ").append(run.suite()).append("\n\n")
                .append("Run `").append(run.runId()).append("` — **").append(run.status()).append("** — ")
                .append(run.generatedAt()).append("\n\n");
        for (TargetResult t : run.targets()) {
            md.append("## ").append(t.targetId()).append(" (").append(t.architecture()).append(", ")
                    .append(t.instanceType()).append(", ").append(t.market()).append(") — ").append(t.status())
                    .append("\n\n");
            if (t.error() != null) {
                md.append("> **Failed**").append(t.error().state() == null ? "" : " in " + t.error().state())
                        .append(": ").append(t.error().message()).append(" (`").append(t.error().name())
                        .append("`)\n\n");
            }
            if (!t.benchmarks().isEmpty()) {
                md.append("| benchmark | mean ± σ | median | min | max | runs |\n")
                        .append("|---|---:|---:|---:|---:|---:|\n");
                for (BenchmarkResult b : t.benchmarks()) {
                    Statistics s = b.statistics();
                    md.append("| ").append(label(b)).append(" | ").append(seconds(s.mean())).append(" ± ")
                            .append(seconds(s.stddev())).append(" | ").append(seconds(s.median())).append(" | ")
                            .append(seconds(s.min())).append(" | ").append(seconds(s.max())).append(" | ")
                            .append(s.runs()).append(s.runs() < b.runsRequested() ? " of " + b.runsRequested() : "")
                            .append(" |\n");
                }
                md.append('\n');
            }
            if (!t.missingBenchmarks().isEmpty()) {
                md.append("Not measured: ").append(String.join(", ", t.missingBenchmarks())).append("\n\n");
            }
            Environment e = t.environment();
            if (e != null) {
                md.append("Environment: ").append(nullSafe(e.cpuModel())).append(", ")
                        .append(e.cores() == null ? "?" : e.cores()).append(" cores, ")
                        .append(nullSafe(e.os())).append(", kernel ").append(nullSafe(e.kernel()))
                        .append(", hyperfine ").append(nullSafe(e.hyperfineVersion())).append("\n\n");
            }
        }
        return md.toString();
    }

    /** The benchmark's name, with its parameter values when it has any. */
    public static String label(BenchmarkResult b) {
        if (b.parameters() == null || b.parameters().isEmpty()) {
            return b.benchmark();
        }
        StringBuilder l = new StringBuilder(b.benchmark()).append(" (");
        b.parameters().forEach((k, v) -> l.append(k).append('=').append(v).append(", "));
        l.setLength(l.length() - 2);
        return l.append(')').toString();
    }

    /** A duration in a unit that keeps three significant figures readable. */
    public static String seconds(double s) {
        double a = Math.abs(s);
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (a >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.1f µs", s * 1e6);
    }

    private static String nullSafe(String v) {
        return v == null ? "?" : v;
    }
}
