package dev.cloudbench.core.report;

import dev.cloudbench.core.report.chart.Html;
import java.util.List;

/**
 * What a report says about its suite's history: where history.html is, relative to the report, and
 * the change points this run brought (each a sentence), when it lies after a new one.
 *
 * @param link            relative URL of the suite's history.html from the report
 * @param newChangePoints one sentence per new change point; empty when the run brought none
 */
public record HistoryNote(String link, List<String> newChangePoints) {

    public HistoryNote {
        newChangePoints = List.copyOf(newChangePoints);
    }

    /** The note of a report at {@code runs/RUN/} of a suite whose history is at {@code suites/SUITE/history.html}. */
    public static HistoryNote of(String suite, List<String> newChangePoints) {
        return new HistoryNote("../../suites/" + suite + "/history.html", newChangePoints);
    }

    /** One Markdown paragraph: the link, and a bold line per new change point. */
    public String markdown() {
        StringBuilder md = new StringBuilder("[History of the suite](").append(link).append(")");
        if (!newChangePoints.isEmpty()) {
            md.append(": **this run lies after a new change point**");
        }
        md.append(".  \n");
        newChangePoints.forEach(c -> md.append("- ").append(MarkdownReport.text(c)).append('\n'));
        return md.append('\n').toString();
    }

    /** The same as HTML: a paragraph, and an alert per new change point. */
    public String html() {
        StringBuilder h = new StringBuilder("<p class=\"history-link\"><a href=\"").append(Html.escape(link))
                .append("\">History of the suite</a>");
        h.append(newChangePoints.isEmpty() ? "" : ": <strong>this run lies after a new change point</strong>").append("</p>\n");
        newChangePoints.forEach(c -> h.append("<p class=\"alert\">").append(Html.escape(c)).append("</p>\n"));
        return h.toString();
    }
}
