package dev.cloudbench.core.report.chart;

import java.util.List;
import java.util.Locale;

/**
 * Writes one inline SVG element. Sizes are in viewBox units; the element scales to its container,
 * so a chart stays sharp on screen and on paper. Every chart has a title for screen readers.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    /** @param kind what the chart is, for tests and people's scripts: its root's {@code data-chart} */
    Svg(String kind, double width, double height, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" data-chart=\"").append(kind).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label))
                .append("\" class=\"chart\"><title>").append(Html.escape(label)).append("</title>");
    }

    Svg rect(double x, double y, double w, double h, String style) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" style=\"").append(style).append("\"/>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String style) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" style=\"").append(style).append("\"/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    /** @param anchor {@code start}, {@code middle} or {@code end} */
    Svg text(double x, double y, String text, String anchor, String cssClass) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</text>");
        return this;
    }

    /**
     * Text that must fit {@code maxWidth} viewBox units at {@code fontSize}: ends in an ellipsis when
     * too long, and then carries its full wording as a tooltip.
     */
    Svg fitted(double x, double y, String text, double maxWidth, double fontSize, String anchor, String cssClass) {
        String shown = TextFit.ellipsize(text, maxWidth, fontSize);
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(Html.escape(shown));
        if (!shown.equals(text)) {
            out.append("<title>").append(Html.escape(text)).append("</title>");
        }
        out.append("</text>");
        return this;
    }

    /**
     * A label of up to {@code maxLines} lines (see {@link TextFit#wrap}), its block centred on
     * {@code cy}; the full text is its tooltip when it had to be cut.
     */
    Svg wrapped(double x, double cy, String text, double maxWidth, double fontSize, int maxLines, String anchor,
                String cssClass) {
        List<String> lines = TextFit.wrap(text, maxWidth, fontSize, maxLines);
        double lineHeight = fontSize * 1.15;
        double first = cy - (lines.size() - 1) * lineHeight / 2 + fontSize * 0.35;
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(first)).append("\" text-anchor=\"")
                .append(anchor).append("\" class=\"").append(cssClass).append("\">");
        for (int i = 0; i < lines.size(); i++) {
            out.append("<tspan x=\"").append(n(x)).append("\" y=\"").append(n(first + i * lineHeight)).append("\">")
                    .append(Html.escape(lines.get(i))).append("</tspan>");
        }
        if (lines.size() > 1 || !lines.get(0).equals(text)) {
            out.append("<title>").append(Html.escape(text)).append("</title>");
        }
        out.append("</text>");
        return this;
    }

    /** Opens a group whose tooltip (and accessible name) is {@code title}. */
    Svg group(String title) {
        out.append("<g><title>").append(Html.escape(title)).append("</title>");
        return this;
    }

    Svg end() {
        out.append("</g>");
        return this;
    }

    String close() {
        return out.append("</svg>").toString();
    }

    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
