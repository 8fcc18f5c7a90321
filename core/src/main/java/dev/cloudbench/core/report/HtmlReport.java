package dev.cloudbench.core.report;

import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.report.Table.Cell;
import dev.cloudbench.core.report.chart.DistributionChart;
import dev.cloudbench.core.report.chart.Html;
import dev.cloudbench.core.report.chart.Palette;
import dev.cloudbench.core.stats.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * report.html: one self-contained page with the tables of report.md and charts drawn as inline
 * SVG. Styles and the small table-sorting script are inline; its Content-Security-Policy forbids
 * every fetch, so the page works offline and cannot leak anything when opened.
 */
public final class HtmlReport {
    /** Nothing but inline styles, inline scripts and data: images. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private HtmlReport() {
    }

    public static String render(RunAnalysis a) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(ReportText.title(a))).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        header(h, a);
        h.append(a.history() == null ? "" : a.history().html());
        if (a.hasVariants()) {
            h.append("<section id=\"variants\">\n<h2>Variants compared in interleaved rounds</h2>\n<p>")
                    .append(esc(ReportText.variantsLine(a))).append("</p>\n<ul>\n");
            ReportText.roundsLines(a).forEach(l -> h.append("<li>").append(esc(l)).append("</li>\n"));
            h.append("</ul>\n");
            figure(h, ReportCharts.variants(a), ChartText.variantsChart(a));
            table(h, ReportTables.variants(a), "table-variants", true);
            h.append("</section>\n");
        }
        if (a.hasBaseline()) {
            h.append("<section id=\"changes\">\n<h2>Changes against the baseline</h2>\n");
            figure(h, ReportCharts.changes(a), ChartText.baselineChart(a));
            table(h, ReportTables.changes(a), "table-changes", true);
            h.append("</section>\n");
        }
        if (ReplicaTables.any(a)) {
            h.append("<section id=\"replicas\">\n<h2>Replicas</h2>\n<p>").append(esc(ReplicaTables.line(a)))
                    .append("</p>\n");
            Table pooled = ReplicaTables.pooled(a);
            if (!pooled.isEmpty()) {
                h.append("<h3 id=\"pooled\">Verdicts pooled over replicas</h3>\n");
                table(h, pooled, "table-pooled", true);
            }
            Table againstBaseline = ReplicaTables.againstBaseline(a);
            if (!againstBaseline.isEmpty()) {
                h.append("<h3 id=\"baseline-over-instances\">Against the baseline, over instances</h3>\n");
                table(h, againstBaseline, "table-baseline-instances", true);
            }
            Table spread = ReplicaTables.spread(a);
            if (!spread.isEmpty()) {
                h.append("<h3 id=\"instance-spread\">Spread between instances</h3>\n");
                table(h, spread, "table-instance-spread", true);
            }
            h.append("<h3 id=\"replica-instances\">Where each replica ran</h3>\n");
            table(h, ReplicaTables.instances(a), "table-replica-instances", true);
            h.append("</section>\n");
        }
        List<String> failures = ReportText.failures(a);
        if (!failures.isEmpty()) {
            h.append("<section id=\"failures\">\n<h2>Failed targets</h2>\n<ul>\n");
            failures.forEach(f -> h.append("<li>").append(esc(f)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        List<String> noisy = ReportText.noisyHosts(a);
        if (!noisy.isEmpty()) {
            h.append("<section id=\"noisy-hosts\">\n<h2>Noisy hosts</h2>\n<ul>\n");
            noisy.forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
            h.append("</ul>\n</section>\n");
        }
        if (!a.keys().isEmpty()) {
            boolean oneTarget = a.targets().stream().filter(t -> !t.benchmarks().isEmpty()).count() == 1;
            h.append("<section id=\"medians\">\n<h2>").append(oneTarget ? "Medians of every benchmark" : "Medians across targets")
                    .append("</h2>\n");
            legend(h, a);
            figure(h, ReportCharts.medians(a), ChartText.mediansChart(a));
            h.append("</section>\n");
        }
        if (a.reference() != null) {
            h.append("<section id=\"side-by-side\">\n<h2>Targets side by side</h2>\n<p>")
                    .append(esc(ReportText.sideBySideLine(a))).append("</p>\n");
            table(h, ReportTables.sideBySide(a), "table-side-by-side", true);
            List<CrossArchitecture> cross = CrossArchitecture.of(a);
            if (!cross.isEmpty()) {
                h.append("<h3 id=\"cross-arch\">arm64 against x86_64</h3>\n");
                figure(h, ReportCharts.crossArchitecture(a, cross), ChartText.crossArchitectureChart(a));
                table(h, ReportTables.crossArchitecture(cross, a.bootstrap().level()), "table-cross-arch", true);
            }
            h.append("</section>\n");
        }
        if (!a.keys().isEmpty()) {
            distributions(h, a);
        }
        for (TargetView t : a.targets()) {
            target(h, a, t);
        }
        h.append("<section id=\"cost\">\n<h2>Cost</h2>\n");
        table(h, ReportTables.cost(a), "table-cost", true);
        h.append("<h3 id=\"price-performance\">Price-performance</h3>\n");
        if (a.pricedTargets().isEmpty()) {
            h.append("<p>No target has a price, so there is no price-performance to show. Local runs are not billed;"
                    + " a spot price is known only when the fleet recorded it at launch.</p>\n");
        } else {
            h.append("<p>What one run of each benchmark costs on each priced target: median time × price per"
                    + " second, in dollars per 1,000 runs; error bars from the median's interval.</p>\n");
            h.append("<figure class=\"chart-figure\">").append(ReportCharts.price(a)).append("</figure>\n");
            table(h, ReportTables.pricePerformance(a), "table-price-performance", true);
        }
        h.append("</section>\n");
        Table environment = ReportTables.environment(a);
        if (!environment.isEmpty()) {
            h.append("<section id=\"environment\">\n<h2>Environment</h2>\n");
            table(h, environment, "table-environment", false);
            h.append("</section>\n");
        }
        h.append("<footer class=\"notes\">\n");
        ReportText.notes(a).forEach(n -> h.append("<p>").append(esc(n)).append("</p>\n"));
        h.append("</footer>\n</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, RunAnalysis a) {
        h.append("<header>\n<h1>").append(esc(ReportText.title(a))).append("</h1>\n<p>")
                .append(esc(ReportText.runLine(a))).append("</p>\n<p>").append(esc(ReportText.baselineLine(a)))
                .append("</p>\n<ul class=\"summary\">\n");
        card(h, "status", a.run().status());
        card(h, "targets", a.targets().size() + (a.failedTargets().isEmpty() ? "" : ", " + a.failedTargets().size() + " failed"));
        card(h, "benchmarks", String.valueOf(a.keys().size()));
        String verdicts = ReportText.verdictSummary(a);
        card(h, "against the baseline", verdicts == null ? "no baseline" : verdicts);
        String variantVerdicts = ReportText.variantSummary(a);
        if (variantVerdicts != null) {
            card(h, "variants", variantVerdicts);
        }
        card(h, "cost", ReportText.costLine(a).replaceFirst("^Cost: ", "").replaceFirst("\\.$", ""));
        h.append("</ul>\n");
        long slower = a.verdictCounts().getOrDefault(Verdict.SLOWER, 0L);
        if (slower > 0) {
            h.append("<p class=\"alert\"><strong>").append(slower).append(" regression(s)</strong> against the baseline:"
                    + " listed first under <a href=\"#changes\">Changes</a>.</p>\n");
        }
        long variantsSlower = a.variantVerdictCounts().getOrDefault(Verdict.SLOWER, 0L);
        if (variantsSlower > 0) {
            h.append("<p class=\"alert\"><strong>").append(variantsSlower).append(" variant(s) slower</strong> than"
                    + " their baseline variant: listed first under <a href=\"#variants\">Variants</a>.</p>\n");
        }
        h.append("<nav aria-label=\"Sections\"><ul>\n");
        if (a.hasVariants()) {
            link(h, "variants", "Variants");
        }
        if (a.hasBaseline()) {
            link(h, "changes", "Changes");
        }
        if (!a.failedTargets().isEmpty()) {
            link(h, "failures", "Failed targets");
        }
        if (!ReportText.noisyHosts(a).isEmpty()) {
            link(h, "noisy-hosts", "Noisy hosts");
        }
        if (!a.keys().isEmpty()) {
            link(h, "medians", "Medians");
        }
        if (a.reference() != null) {
            link(h, "side-by-side", "Side by side");
        }
        if (!a.keys().isEmpty()) {
            link(h, "distributions", "Distributions");
        }
        for (TargetView t : a.targets()) {
            link(h, "target-" + t.colour(), "Target " + t.id());
        }
        link(h, "cost", "Cost");
        link(h, "environment", "Environment");
        h.append("</ul></nav>\n</header>\n");
    }

    private static void card(StringBuilder h, String name, String value) {
        h.append("<li><strong>").append(esc(name)).append("</strong>").append(esc(value)).append("</li>\n");
    }

    private static void link(StringBuilder h, String id, String text) {
        h.append("<li><a href=\"#").append(id).append("\">").append(esc(text)).append("</a></li>\n");
    }

    private static void legend(StringBuilder h, RunAnalysis a) {
        h.append("<ul class=\"legend\" aria-label=\"Targets\">\n");
        for (TargetView t : a.targets()) {
            if (!t.benchmarks().isEmpty()) {
                h.append("<li><span class=\"swatch\" style=\"background:").append(Palette.colour(t.colour()))
                        .append("\"></span>").append(esc(t.id()))
                        .append(t.description().isEmpty() ? "" : " — " + esc(t.description())).append("</li>\n");
            }
        }
        if (a.hasBaseline()) {
            h.append("<li><span class=\"swatch\" style=\"background:").append(Palette.BASELINE)
                    .append("\"></span>baseline</li>\n");
        }
        h.append("</ul>\n");
    }

    /** A chart with the sentence that says what it shows. */
    private static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure class=\"chart-figure\">").append(svg).append("\n<figcaption>").append(esc(caption))
                .append("</figcaption></figure>\n");
    }

    private static void distributions(StringBuilder h, RunAnalysis a) {
        h.append("<section id=\"distributions\">\n<h2>Distributions of raw times</h2>\n<p>Per benchmark, every run"
                + " as a dot; the box spans the middle half of the runs, the thick line is the median, the black bar"
                + " under the box its interval, whiskers reach the furthest runs within 1.5 × the box width.");
        if (a.hasBaseline()) {
            h.append(" Grey rows: the same target in its baseline run.");
        }
        h.append("</p>\n");
        for (String key : a.keys()) {
            List<DistributionChart.Series> series = new ArrayList<>();
            Metric metric = Metric.WALL_TIME;
            for (TargetView t : a.targets()) {
                Optional<BenchmarkView> b = t.benchmark(key);
                if (b.isEmpty()) {
                    continue;
                }
                BenchmarkView v = b.get();
                metric = v.result().metricValue();
                series.add(new DistributionChart.Series(t.id(), Palette.colour(t.colour()), v.result().times(),
                        v.medianInterval(), v.runs() + " runs"));
                if (v.baseline() != null) {
                    series.add(new DistributionChart.Series(t.id() + " (baseline)", Palette.BASELINE,
                            v.baseline().times(), a.bootstrap().median(v.baseline().times()),
                            "baseline, " + v.baseline().statistics().runs() + " runs"));
                }
            }
            Metric shown = metric;
            h.append("<figure class=\"wide\">\n<h3 class=\"name\">").append(esc(key)).append("</h3>\n")
                    .append(DistributionChart.render((metric == Metric.WALL_TIME ? "Raw times of " : "Raw counts of ") + key
                            + " per target", series, value -> Format.value(shown, value)))
                    .append("\n</figure>\n");
        }
        h.append("</section>\n");
    }

    private static void target(StringBuilder h, RunAnalysis a, TargetView t) {
        h.append("<section id=\"target-").append(t.colour()).append("\">\n<h2>Target ").append(esc(t.id()))
                .append(t.description().isEmpty() ? "" : " — " + esc(t.description())).append(" — ")
                .append(esc(t.result().status())).append("</h2>\n");
        if (t.result().error() != null) {
            h.append("<p class=\"alert\">").append(esc(ReportText.failure(t))).append("</p>\n");
        }
        if (!t.benchmarks().isEmpty()) {
            table(h, ReportTables.target(t, a.bootstrap().level()), "table-target-" + t.colour(), true);
        }
        if (!t.result().missingBenchmarks().isEmpty()) {
            h.append("<p>Not measured: ").append(esc(String.join(", ", t.result().missingBenchmarks()))).append("</p>\n");
        }
        if (t.result().interruption() != null) {
            h.append("<p class=\"alert\">").append(esc(ReportText.interruption(t))).append("</p>\n");
        }
        if (!t.notMeasuredNow().isEmpty()) {
            h.append("<p>In the baseline but not measured now: ").append(esc(String.join(", ", t.notMeasuredNow())))
                    .append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, Table t, String id, boolean sortable) {
        h.append("<div class=\"table-wrap\"><table").append(sortable ? " class=\"sortable\"" : "").append(" id=\"")
                .append(id).append("\">\n<thead><tr>");
        t.columns().forEach(c -> h.append("<th scope=\"col\"").append(columnClass(c).isEmpty() ? ""
                : " class=\"" + columnClass(c) + "\"").append('>')
                .append(esc(c.title())).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        t.rows().forEach(r -> row(h, t, r));
        h.append("</tbody>\n");
        if (!t.footer().isEmpty()) {
            h.append("<tfoot>\n");
            t.footer().forEach(r -> row(h, t, r));
            h.append("</tfoot>\n");
        }
        h.append("</table></div>\n");
    }

    private static void row(StringBuilder h, Table t, List<Cell> cells) {
        h.append("<tr>");
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            List<String> classes = new ArrayList<>();
            String column = columnClass(t.columns().get(i));
            if (!column.isEmpty()) {
                classes.add(column);
            }
            if (c.tone() != null) {
                classes.add("tone-" + c.tone());
            }
            boolean name = t.columns().get(i).name();
            h.append("<td");
            if (!classes.isEmpty()) {
                h.append(" class=\"").append(String.join(" ", classes)).append('"');
            }
            if (c.sort() != null) {
                h.append(" data-v=\"").append(c.sort()).append('"');
            }
            if (name) {
                // Long names are clamped to a few lines by the style sheet; the full text is on hover.
                h.append(" title=\"").append(esc(c.text())).append("\"><span>").append(esc(c.text())).append("</span></td>");
            } else if (t.columns().get(i).numeric()) {
                // A number keeps its unit on its line; the cell may wrap between a value and its interval.
                h.append('>').append(esc(c.text()).replaceAll("(?<=\\d) (?=[a-zµ%])", "\u00a0")).append("</td>");
            } else {
                h.append('>').append(esc(c.text())).append("</td>");
            }
        }
        h.append("</tr>\n");
    }

    private static String columnClass(Table.Column c) {
        return switch (c.kind()) {
            case NUMBER -> "num";
            case NAME -> "name";
            case VERDICT -> "verdict";
            case TEXT -> "";
        };
    }

    private static String esc(String s) {
        return Html.escape(s);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
