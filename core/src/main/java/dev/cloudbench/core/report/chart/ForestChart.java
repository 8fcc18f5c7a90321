package dev.cloudbench.core.report.chart;

import dev.cloudbench.core.stats.Verdict;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Changes at a glance (a forest plot): one row per comparison, its change in percent as a dot with
 * its confidence interval as a line, every row on one shared axis. Zero is marked, the band of
 * changes too small to matter is shaded, and the verdict is written at the end of each row in its
 * colour, so colour is never the only cue. Names too long for the label column end in an ellipsis
 * and keep their full text as a tooltip.
 */
public final class ForestChart {
    private static final double WIDTH = 760;
    private static final double LEFT = 240;
    private static final double RIGHT = 185;
    private static final double LABEL_WIDTH = LEFT - 16;
    private static final double TOP = 26;
    private static final double AXIS = 46;
    private static final double LABEL_FONT = 13;
    private static final double SMALL_FONT = 11;
    private static final double VERDICT_FONT = 12;

    /**
     * @param label   what was compared (a benchmark, with its variant)
     * @param detail  second line under the label (the target), or empty
     * @param change  the change in percent: +2 means 2 % more time
     * @param low     lower end of its interval, percent; NaN without one
     * @param high    upper end of its interval, percent; NaN without one
     * @param verdict what the comparison says
     * @param words   the verdict as the row writes it, e.g. {@code ▲ slower}
     */
    public record Row(String label, String detail, double change, double low, double high, Verdict verdict,
                      String words) {
        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    private ForestChart() {
    }

    /**
     * @param kind   the root's {@code data-chart}: {@code paired-changes} or {@code cross-arch}
     * @param band   half-width of the shaded band, percent (changes within it are too small to matter)
     * @param format how a tick value (percent) reads
     * @param axis   the axis title
     */
    public static String render(String kind, String title, List<Row> rows, double band, DoubleFunction<String> format,
                                String axis) {
        boolean details = rows.stream().anyMatch(r -> !r.detail().isEmpty());
        boolean twoLines = rows.stream().anyMatch(r -> TextFit.width(r.label(), LABEL_FONT) > LABEL_WIDTH);
        double row = 12 + (twoLines ? 2 : 1) * LABEL_FONT * 1.15 + (details ? SMALL_FONT * 1.2 : 0);
        double plotTop = TOP;
        double plotBottom = TOP + row * rows.size();
        double height = plotBottom + AXIS;
        double limit = limit(rows, band);
        double lo = -band;
        double hi = band;
        for (Row r : rows) {
            lo = Math.min(lo, clip(r.hasInterval() ? Math.min(r.low(), r.change()) : r.change(), limit));
            hi = Math.max(hi, clip(r.hasInterval() ? Math.max(r.high(), r.change()) : r.change(), limit));
        }
        Scale x = Scale.nice(lo, hi, LEFT, WIDTH - RIGHT, 6);
        Svg svg = new Svg(kind, WIDTH, height, title);
        for (int i = 0; i < rows.size(); i++) {
            if (i % 2 == 1) {
                svg.rect(0, plotTop + row * i, WIDTH, row, "fill:#f6f7f9");
            }
        }
        svg.rect(x.at(-band), plotTop, x.at(band) - x.at(-band), plotBottom - plotTop, "fill:#dfe6ee");
        svg.fitted(x.at(0), TOP - 9, "shaded: ±" + Scale.compact(String.format(java.util.Locale.ROOT, "%.2f", band))
                + "%, smaller than the minimum effect", 2 * Math.min(x.at(0), WIDTH - x.at(0)) - 4, SMALL_FONT,
                "middle", "tick");
        for (double tick : x.ticks()) {
            double px = x.at(tick);
            svg.line(px, plotTop, px, plotBottom, "stroke:#e3e3e3;stroke-width:1")
                    .text(px, plotBottom + 15, Scale.compact(format.apply(tick)), "middle", "tick");
        }
        svg.line(x.at(0), plotTop - 2, x.at(0), plotBottom, "stroke:#333;stroke-width:1.5")
                .line(LEFT, plotBottom, WIDTH - RIGHT, plotBottom, "stroke:#767676;stroke-width:1");
        for (int i = 0; i < rows.size(); i++) {
            row(svg, rows.get(i), x, limit, plotTop + row * i + row / 2, row, format);
        }
        double half = (WIDTH - LEFT - RIGHT) / 2 - 6;
        svg.fitted(LEFT, height - 6, "← less time (faster)", half, SMALL_FONT, "start", "axis-title")
                .fitted(WIDTH - RIGHT, height - 6, "more time (slower) →", half, SMALL_FONT, "end", "axis-title")
                .fitted(WIDTH - RIGHT / 2, plotBottom + 15, axis, RIGHT - 8, SMALL_FONT, "middle", "axis-title");
        return svg.close();
    }

    private static void row(Svg svg, Row r, Scale x, double limit, double cy, double row, DoubleFunction<String> format) {
        String colour = Palette.verdict(r.verdict());
        String interval = r.hasInterval() ? " (interval " + format.apply(r.low()) + " … " + format.apply(r.high()) + ")"
                : " (no interval)";
        svg.group(r.label() + (r.detail().isEmpty() ? "" : " — " + r.detail()) + ": " + format.apply(r.change())
                + interval + ", " + r.words());
        if (r.detail().isEmpty()) {
            svg.wrapped(LEFT - 10, cy, r.label(), LABEL_WIDTH, LABEL_FONT, 2, "end", "row-label");
        } else {
            double detailAt = cy + row / 2 - 9;
            svg.wrapped(LEFT - 10, (cy - row / 2 + detailAt - SMALL_FONT) / 2 + 2, r.label(), LABEL_WIDTH, LABEL_FONT, 2,
                    "end", "row-label").fitted(LEFT - 10, detailAt, r.detail(), LABEL_WIDTH, SMALL_FONT, "end", "row-detail");
        }
        if (r.hasInterval()) {
            double a = x.at(clip(r.low(), limit));
            double b = x.at(clip(r.high(), limit));
            String ink = "stroke:" + colour + ";stroke-width:2";
            svg.line(a, cy, b, cy, ink);
            cap(svg, a, cy, r.low() < -limit, -1, colour);
            cap(svg, b, cy, r.high() > limit, 1, colour);
        }
        double px = x.at(clip(r.change(), limit));
        svg.rect(px - 5, cy - 5, 10, 10, "fill:" + colour + ";stroke:#fff;stroke-width:1");
        svg.fitted(WIDTH - RIGHT + 12, cy + 4.5, r.words(), RIGHT - 16, VERDICT_FONT, "start", "verdict verdict-"
                + r.verdict().id());
        svg.end();
    }

    /** An interval end: a bar, or an arrowhead when the interval goes on past the axis. */
    private static void cap(Svg svg, double px, double cy, boolean clipped, int direction, String colour) {
        String ink = "stroke:" + colour + ";stroke-width:2";
        if (clipped) {
            svg.line(px, cy, px - 6 * direction, cy - 5, ink).line(px, cy, px - 6 * direction, cy + 5, ink);
        } else {
            svg.line(px, cy - 5, px, cy + 5, ink);
        }
    }

    /**
     * How far the axis reaches: every estimate, and intervals up to three times the largest estimate,
     * so that one wild interval does not squash every other row into the band. Longer intervals end
     * in an arrowhead at the edge.
     */
    private static double limit(List<Row> rows, double band) {
        double estimates = rows.stream().mapToDouble(r -> Math.abs(r.change())).filter(Double::isFinite).max().orElse(0);
        return Math.max(Math.max(3 * estimates, 5 * band), 5);
    }

    private static double clip(double v, double limit) {
        return Double.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : Math.copySign(limit, v);
    }
}
