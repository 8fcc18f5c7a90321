package dev.cloudbench.core.history;

import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.report.chart.Html;
import dev.cloudbench.core.report.HtmlReport;
import dev.cloudbench.core.report.chart.Palette;
import dev.cloudbench.core.report.chart.TrendChart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * history.html: one self-contained page (report.html's styles and Content-Security-Policy, no
 * fetches) with a trend chart per benchmark and target and the table of its change points.
 */
public final class HistoryPage {
    private static final String CSS = css();
    private static final String EXTRA_CSS = "svg .change-label { font-size: 12px; font-weight: 700; fill: #a63a00; }\n"
            + ".series-summary { color: var(--muted); }\n";

    private HistoryPage() {
    }

    public static String render(HistoryAnalysis a, ChangePointOptions options) {
        String title = "History of " + a.suite();
        StringBuilder h = new StringBuilder(32 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlReport.CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(CSS).append(EXTRA_CSS)
                .append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>").append(esc(title)).append("</h1>\n<p>")
                .append(a.runs()).append(" published run(s), ").append(a.series().size()).append(" series (benchmark × target).")
                .append("</p>\n<p>").append(esc(HistoryText.method(options))).append("</p>\n");
        if (!a.series().isEmpty()) {
            h.append("<nav><ul>\n");
            for (int i = 0; i < a.series().size(); i++) {
                h.append("<li><a href=\"#series-").append(i).append("\">").append(esc(a.series().get(i).key().label()))
                        .append("</a></li>\n");
            }
            h.append("</ul></nav>\n");
        } else {
            h.append("<p>No run has been published yet.</p>\n");
        }
        h.append("</header>\n");
        for (int i = 0; i < a.series().size(); i++) {
            series(h, a.series().get(i), i);
        }
        h.append("<footer class=\"notes\">\n<p>Dots: each run's median; band: its bootstrap confidence interval;"
                + " dashed lines: change points, between the last run of the old level and the first of the new."
                + " Hover a dot for its run and commit.</p>\n</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void series(StringBuilder h, Series s, int index) {
        h.append("<section id=\"series-").append(index).append("\">\n<h2>").append(esc(s.key().label())).append("</h2>\n")
                .append("<p class=\"series-summary\">").append(esc(HistoryText.summary(s))).append("</p>\n")
                .append("<figure data-chart=\"trend\">\n").append(chart(s, index)).append("\n</figure>\n");
        if (!s.changePoints().isEmpty()) {
            List<String[]> rows = HistoryText.changeRows(s);
            h.append("<div class=\"table-wrap\"><table class=\"table-change-points\">\n<caption>Change points</caption>\n<thead><tr>");
            for (String head : rows.get(0)) {
                h.append("<th scope=\"col\">").append(esc(head)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (String[] row : rows.subList(1, rows.size())) {
                h.append("<tr>");
                for (int c = 0; c < row.length; c++) {
                    h.append(c >= 3 ? "<td class=\"num\">" : "<td>").append(esc(row[c])).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table></div>\n");
        }
        h.append("</section>\n");
    }

    private static String chart(Series s, int index) {
        List<TrendChart.Point> points = new ArrayList<>();
        for (HistoryEntry e : s.points()) {
            String interval = e.interval() == null ? ""
                    : ", " + Format.level(e.interval().level()) + " interval " + HistoryText.value(s, e.interval().low())
                    + " – " + HistoryText.value(s, e.interval().high());
            points.add(new TrendChart.Point(e.median(), e.interval(), HistoryText.date(e).substring(5),
                    "run " + e.runId() + " · " + e.time() + " · commit " + e.shortCommit()
                    + (e.ref() == null ? "" : " (" + e.ref() + ")") + " · " + e.market() + " · median "
                    + HistoryText.value(s, e.median()) + interval
                    + (e.instances() == null ? "" : " · " + e.instances() + " instances pooled")
                    + (e.leftOut() ? " · noisy host: not used for change points" : "")));
        }
        List<TrendChart.Marker> markers = new ArrayList<>();
        for (ChangePoint p : s.changePoints()) {
            markers.add(new TrendChart.Marker(p.index(), HistoryText.change(p.change()),
                    "change point: " + HistoryText.change(p.change()) + " between commits " + s.commits(p) + " (runs "
                    + s.before(p).runId() + " and " + s.after(p).runId() + "), p " + Format.pValue(p.pValue())));
        }
        return TrendChart.render(s.key().label(), points, markers, Palette.colour(index),
                v -> HistoryText.value(s, v));
    }

    private static String esc(String s) {
        return Html.escape(s);
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css", e);
        }
    }
}
