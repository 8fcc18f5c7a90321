package dev.cloudbench.core.report;

import dev.cloudbench.core.report.Table.Cell;
import java.util.List;

/**
 * report.md: GitHub-flavoured Markdown that fits a job summary and a pull-request comment.
 * Regressions come first; the details that make it long come last, and are dropped (with a
 * pointer to report.html) when the whole would pass GitHub's comment limit.
 */
public final class MarkdownReport {
    /** GitHub refuses comments over 65,536 characters; keep room for a caller's own header. */
    public static final int MAX_LENGTH = 60_000;

    private MarkdownReport() {
    }

    public static String render(RunAnalysis a) {
        String full = render(a, true);
        return full.length() <= MAX_LENGTH ? full : render(a, false);
    }

    private static String render(RunAnalysis a, boolean details) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(text(ReportText.title(a))).append("\n\n");
        md.append(text(ReportText.runLine(a))).append("  \n").append(text(ReportText.baselineLine(a))).append("  \n");
        String verdicts = ReportText.verdictSummary(a);
        if (verdicts != null) {
            md.append("**Against the baseline: ").append(text(verdicts)).append(".**  \n");
        }
        String variantVerdicts = ReportText.variantSummary(a);
        if (variantVerdicts != null) {
            md.append("**Variants: ").append(text(variantVerdicts)).append(".**  \n");
        }
        md.append(text(ReportText.costLine(a))).append("\n\n");
        md.append(a.history() == null ? "" : a.history().markdown());
        if (a.hasVariants()) {
            md.append("## Variants compared in interleaved rounds\n\n").append(text(ReportText.variantsLine(a)))
                    .append("\n\n");
            ReportText.roundsLines(a).forEach(l -> md.append("- ").append(text(l)).append('\n'));
            md.append('\n');
            chart(md, ChartText.variantsChart(a), ChartText.variantLines(a));
            md.append(table(ReportTables.variants(a)));
        }
        if (a.hasBaseline()) {
            md.append("## Changes against the baseline\n\n");
            chart(md, ChartText.baselineChart(a), ChartText.baselineLines(a));
            md.append(table(ReportTables.changes(a)));
            for (TargetView t : a.targets()) {
                if (!t.notMeasuredNow().isEmpty()) {
                    md.append("In the baseline of ").append(text(t.id())).append(" but not measured now: ")
                            .append(text(String.join(", ", t.notMeasuredNow()))).append("\n\n");
                }
            }
        }
        if (ReplicaTables.any(a)) {
            md.append("## Replicas\n\n").append(text(ReplicaTables.line(a))).append("\n\n");
            Table pooled = ReplicaTables.pooled(a);
            if (!pooled.isEmpty()) {
                md.append("### Verdicts pooled over replicas\n\n").append(table(pooled));
            }
            Table againstBaseline = ReplicaTables.againstBaseline(a);
            if (!againstBaseline.isEmpty()) {
                md.append("### Against the baseline, over instances\n\n").append(table(againstBaseline));
            }
            Table spread = ReplicaTables.spread(a);
            if (!spread.isEmpty()) {
                md.append("### Spread between instances\n\n").append(table(spread));
            }
            md.append("### Where each replica ran\n\n").append(table(ReplicaTables.instances(a)));
        }
        List<String> failures = ReportText.failures(a);
        if (!failures.isEmpty()) {
            md.append("## Failed targets\n\n");
            failures.forEach(f -> md.append("- ").append(text(f)).append('\n'));
            md.append('\n');
        }
        List<String> noisy = ReportText.noisyHosts(a);
        if (!noisy.isEmpty()) {
            md.append("## Noisy hosts\n\n");
            noisy.forEach(n -> md.append("- ").append(text(n)).append('\n'));
            md.append('\n');
        }
        if (a.reference() != null) {
            md.append("## Targets side by side\n\n").append(text(ReportText.sideBySideLine(a))).append("\n\n")
                    .append(table(ReportTables.sideBySide(a)));
            List<CrossArchitecture> cross = CrossArchitecture.of(a);
            if (!cross.isEmpty()) {
                md.append("### arm64 against x86_64\n\n");
                chart(md, ChartText.crossArchitectureChart(a), ChartText.crossArchitectureLines(cross));
                md.append(table(ReportTables.crossArchitecture(cross, a.bootstrap().level())));
            }
        }
        if (details && !a.keys().isEmpty()) {
            md.append("## Medians\n\n").append(text(ChartText.mediansChart(a))).append(" (The chart is in report.html.)\n\n");
        }
        if (details) {
            for (TargetView t : a.targets()) {
                md.append("## ").append(text(t.id())).append(" — ").append(text(t.description()))
                        .append(t.description().isEmpty() ? "" : " — ").append(text(t.result().status())).append("\n\n");
                if (!t.benchmarks().isEmpty()) {
                    md.append(table(ReportTables.target(t, a.bootstrap().level())));
                }
                if (!t.result().missingBenchmarks().isEmpty()) {
                    md.append("Not measured: ").append(text(String.join(", ", t.result().missingBenchmarks())))
                            .append("\n\n");
                }
                if (t.result().interruption() != null) {
                    md.append("> ").append(text(ReportText.interruption(t))).append("\n\n");
                }
            }
        } else {
            md.append("_Per-target tables and the environment are left out to fit a comment: see report.html._\n\n");
        }
        md.append("## Cost\n\n").append(table(ReportTables.cost(a)));
        if (!a.pricedTargets().isEmpty() && details) {
            md.append("### Price-performance\n\n").append(table(ReportTables.pricePerformance(a)));
        }
        Table environment = ReportTables.environment(a);
        if (details && !environment.isEmpty()) {
            md.append("## Environment\n\n<details><summary>The machine of each target</summary>\n\n")
                    .append(table(environment)).append("</details>\n\n");
        }
        md.append("---\n\n");
        ReportText.notes(a).forEach(n -> md.append("<sub>").append(text(n)).append("</sub>  \n"));
        return md.toString();
    }

    /** A chart of report.html in words: the rows, verdict first, then what the chart draws. */
    private static void chart(StringBuilder md, String howToRead, List<String> lines) {
        lines.forEach(l -> md.append("- ").append(bold(l)).append('\n'));
        md.append('\n').append("_In report.html:_ ").append(text(howToRead)).append("\n\n");
    }

    /** A line whose verdict is slower gets its verdict in bold, as the tables do. */
    private static String bold(String line) {
        String t = text(line);
        int colon = t.indexOf(':');
        return t.startsWith("▲") && colon > 0 ? "**" + t.substring(0, colon) + "**" + t.substring(colon) : t;
    }

    /** A report table as GitHub-flavoured Markdown, as report.md writes it. */
    public static String table(Table t) {
        StringBuilder md = new StringBuilder("|");
        t.columns().forEach(c -> md.append(' ').append(text(c.title())).append(" |"));
        md.append("\n|");
        t.columns().forEach(c -> md.append(c.numeric() ? "---:|" : "---|"));
        md.append('\n');
        for (List<Cell> row : t.rows()) {
            row(md, row);
        }
        for (List<Cell> row : t.footer()) {
            row(md, row);
        }
        return md.append('\n').toString();
    }

    private static void row(StringBuilder md, List<Cell> row) {
        md.append('|');
        for (Cell c : row) {
            String s = text(c.text());
            boolean bold = (Table.SLOWER.equals(c.tone()) || Table.STRONG.equals(c.tone())) && !s.isEmpty();
            md.append(' ').append(bold ? "**" + s + "**" : s).append(" |");
        }
        md.append('\n');
    }

    /** Text that Markdown must not read as markup: table pipes, HTML, emphasis and code marks. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            switch (c) {
                case '|', '\\', '*', '_', '`', '[', ']', '#' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
