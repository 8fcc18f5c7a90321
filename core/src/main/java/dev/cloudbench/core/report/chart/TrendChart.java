package dev.cloudbench.core.report.chart;

import dev.cloudbench.core.stats.Interval;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One series of a suite's history: the median of each run, in run order, as a line with dots; its
 * confidence interval as a light band behind it; each change point as a dashed line between the
 * last run of the old level and the first of the new, labelled with the change. Every dot has a
 * tooltip (run, time, commit, median and interval). Runs are spaced evenly, not by date: nights
 * without a run do not squeeze the others.
 */
public final class TrendChart {
    private static final double WIDTH = 760;
    private static final double HEIGHT = 260;
    private static final double LEFT = 74;
    private static final double RIGHT = 16;
    private static final double TOP = 26;
    private static final double BOTTOM = 40;
    private static final String CHANGE = "#D55E00";

    /**
     * @param median   the run's median
     * @param interval its interval, or null
     * @param tick     a short label under the axis (e.g. the date), or null
     * @param tooltip  what hovering the dot shows
     */
    public record Point(double median, Interval interval, String tick, String tooltip) {
    }

    /**
     * @param index the first point of the new level
     * @param label e.g. {@code +12.3 %}
     * @param tooltip what hovering the marker shows (commits, p-value)
     */
    public record Marker(int index, String label, String tooltip) {
    }

    private TrendChart() {
    }

    public static String render(String title, List<Point> points, List<Marker> changes, String colour,
                                DoubleFunction<String> format) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            lo = Math.min(lo, p.interval() == null ? p.median() : Math.min(p.median(), p.interval().low()));
            hi = Math.max(hi, p.interval() == null ? p.median() : Math.max(p.median(), p.interval().high()));
        }
        double pad = (hi - lo) * 0.06;
        Scale y = Scale.nice(lo - pad, hi + pad, HEIGHT - BOTTOM, TOP, 5);
        Svg svg = new Svg("trend", WIDTH, HEIGHT, title);
        double slot = (WIDTH - LEFT - RIGHT) / Math.max(1, points.size());
        for (double tick : y.ticks()) {
            svg.line(LEFT, y.at(tick), WIDTH - RIGHT, y.at(tick), "stroke:#e3e3e3;stroke-width:1")
                    .text(LEFT - 6, y.at(tick) + 4, Scale.compact(format.apply(tick)), "end", "tick");
        }
        svg.line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "stroke:#767676;stroke-width:1");
        for (int i = 0; i < points.size(); i++) {
            Interval iv = points.get(i).interval();
            if (iv != null) {
                svg.rect(x(i, slot) - slot / 2, y.at(iv.high()), slot, Math.max(0.5, y.at(iv.low()) - y.at(iv.high())),
                        "fill:" + colour + ";fill-opacity:0.16");
            }
        }
        for (int i = 1; i < points.size(); i++) {
            svg.line(x(i - 1, slot), y.at(points.get(i - 1).median()), x(i, slot), y.at(points.get(i).median()),
                    "stroke:" + colour + ";stroke-width:2");
        }
        int every = Math.max(1, (int) Math.ceil(points.size() / 10.0));
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            svg.group(p.tooltip()).circle(x(i, slot), y.at(p.median()), points.size() > 60 ? 2.5 : 4, colour).end();
            if (p.tick() != null && i % every == 0) {
                svg.text(x(i, slot), HEIGHT - BOTTOM + 16, p.tick(), "middle", "tick");
            }
        }
        for (Marker m : changes) {
            double mx = x(m.index(), slot) - slot / 2;
            svg.group(m.tooltip())
                    .line(mx, TOP - 4, mx, HEIGHT - BOTTOM, "stroke:" + CHANGE + ";stroke-width:2;stroke-dasharray:5 3")
                    .text(mx + 4, TOP - 8, m.label(), "start", "change-label")
                    .end();
        }
        svg.text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 4, "runs, oldest first", "middle", "axis-title");
        return svg.close();
    }

    private static double x(int i, double slot) {
        return LEFT + slot * i + slot / 2;
    }
}
