package dev.cloudbench.core.report.chart;

import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.Quantiles;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The raw times of one benchmark, one row per series (target, or a target's baseline): a box from
 * the first to the third quartile, the median as a thick line, whiskers to the furthest times
 * within 1.5 × IQR, the median's confidence interval as a bar under the box, and every single
 * time as a dot, spread vertically so that equal times stay visible.
 */
public final class DistributionChart {
    private static final double WIDTH = 760;
    private static final double LEFT = 190;
    private static final double RIGHT = 44;
    private static final double TOP = 12;
    private static final double ROW = 52;
    private static final double AXIS = 40;
    /** Golden-ratio sequence: spreads any number of dots evenly over a row, the same way every time. */
    private static final double GOLDEN = 0.6180339887498949;

    /**
     * @param label          the row's name (a target id, or "id (baseline)")
     * @param colour         the row's colour
     * @param times          every raw time, seconds
     * @param medianInterval the median's interval, or null
     * @param detail         second line under the label, e.g. {@code n = 10}
     */
    public record Series(String label, String colour, double[] times, Interval medianInterval, String detail) {
    }

    private DistributionChart() {
    }

    public static String render(String title, List<Series> series, DoubleFunction<String> format) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double t : s.times()) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        double pad = (hi - lo) * 0.04;
        Scale x = Scale.nice(lo - pad, hi + pad, LEFT, WIDTH - RIGHT, 6);
        double height = TOP + ROW * series.size() + AXIS;
        Svg svg = new Svg("distribution", WIDTH, height, title);
        double bottom = TOP + ROW * series.size();
        for (double tick : x.ticks()) {
            double px = x.at(tick);
            svg.line(px, TOP, px, bottom, "stroke:#e3e3e3;stroke-width:1")
                    .text(px, bottom + 16, Scale.compact(format.apply(tick)), "middle", "tick");
        }
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, "stroke:#767676;stroke-width:1");
        for (int i = 0; i < series.size(); i++) {
            row(svg, series.get(i), x, TOP + ROW * i + ROW / 2, format);
        }
        svg.text((LEFT + WIDTH - RIGHT) / 2, height - 8, "time per run", "middle", "axis-title");
        return svg.close();
    }

    private static void row(Svg svg, Series s, Scale x, double cy, DoubleFunction<String> format) {
        double[] sorted = Quantiles.sorted(s.times());
        double q1 = Quantiles.quantile(sorted, 0.25);
        double q3 = Quantiles.quantile(sorted, 0.75);
        double median = Quantiles.median(sorted);
        double fence = 1.5 * (q3 - q1);
        double whiskerLo = sorted[0];
        double whiskerHi = sorted[sorted.length - 1];
        for (double t : sorted) {
            if (t >= q1 - fence) {
                whiskerLo = t;
                break;
            }
        }
        for (int i = sorted.length - 1; i >= 0; i--) {
            if (sorted[i] <= q3 + fence) {
                whiskerHi = sorted[i];
                break;
            }
        }
        String ci = s.medianInterval() == null ? ""
                : " (interval " + format.apply(s.medianInterval().low()) + " – " + format.apply(s.medianInterval().high()) + ")";
        svg.group(s.label() + ": median " + format.apply(median) + ci + ", quartiles " + format.apply(q1) + " – "
                + format.apply(q3) + ", range " + format.apply(sorted[0]) + " – " + format.apply(sorted[sorted.length - 1])
                + ", " + sorted.length + " runs");
        svg.wrapped(LEFT - 10, cy - 6, s.label(), LEFT - 16, 13, 2, "end", "row-label")
                .fitted(LEFT - 10, cy + 17, s.detail(), LEFT - 16, 11, "end", "row-detail");
        String stroke = "stroke:" + s.colour() + ";stroke-width:1.5";
        svg.line(x.at(whiskerLo), cy, x.at(q1), cy, stroke).line(x.at(q3), cy, x.at(whiskerHi), cy, stroke)
                .line(x.at(whiskerLo), cy - 6, x.at(whiskerLo), cy + 6, stroke)
                .line(x.at(whiskerHi), cy - 6, x.at(whiskerHi), cy + 6, stroke)
                .rect(x.at(q1), cy - 11, Math.max(1, x.at(q3) - x.at(q1)), 22,
                        "fill:" + s.colour() + ";fill-opacity:0.18;" + stroke);
        if (s.medianInterval() != null) {
            svg.rect(x.at(s.medianInterval().low()), cy + 14, Math.max(2, x.at(s.medianInterval().high())
                    - x.at(s.medianInterval().low())), 4, "fill:#222");
        }
        svg.line(x.at(median), cy - 13, x.at(median), cy + 13, "stroke:#111;stroke-width:3");
        double[] times = s.times();
        for (int i = 0; i < times.length; i++) {
            double jitter = ((i + 1) * GOLDEN) % 1.0 - 0.5;
            svg.circle(x.at(times[i]), cy + jitter * 18, 2.3, s.colour());
        }
        svg.end();
    }
}
