package dev.cloudbench.core.report.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Every benchmark in one chart: a group of horizontal bars per benchmark, one bar per target with
 * its confidence interval as an error bar, all on one axis. The axis starts at zero, unless the
 * values span more than {@link #LOG_SPAN} times, when it is logarithmic (a linear axis would
 * leave the short benchmarks invisible beside the long ones). Benchmark names sit left of their
 * bars and end in an ellipsis when too long, with their full text as a tooltip.
 */
public final class MediansChart {
    /** Above this ratio of the largest to the smallest value, the axis is logarithmic. */
    public static final double LOG_SPAN = 20;
    private static final double WIDTH = 760;
    private static final double LEFT = 250;
    private static final double RIGHT = 20;
    private static final double TOP = 8;
    private static final double BAR = 16;
    private static final double GAP = 4;
    private static final double PAD = 10;
    private static final double AXIS = 40;
    private static final double LABEL_FONT = 13;
    private static final double SMALL_FONT = 11;

    /**
     * @param label  the bar's name (a target id), written after its value when a group has several bars
     * @param colour its colour
     * @param value  its length, above zero
     * @param low    lower end of its interval, or NaN without one
     * @param high   upper end of its interval, or NaN without one
     */
    public record Bar(String label, String colour, double value, double low, double high) {
        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /** @param label the benchmark */
    public record Group(String label, List<Bar> bars) {
    }

    private MediansChart() {
    }

    /** True when {@code groups} would be drawn on a logarithmic axis. */
    public static boolean logarithmic(List<Group> groups) {
        double min = groups.stream().flatMap(g -> g.bars().stream()).mapToDouble(Bar::value).filter(v -> v > 0).min()
                .orElse(1);
        double max = groups.stream().flatMap(g -> g.bars().stream()).mapToDouble(Bar::value).max().orElse(1);
        return max / min > LOG_SPAN;
    }

    /**
     * @param kind the root's {@code data-chart}: {@code medians}, or {@code price-performance}
     * @param axis the axis title, without the scale (the chart adds "log scale" when it is one)
     */
    public static String render(String kind, String title, List<Group> groups, DoubleFunction<String> format,
                                String axis) {
        boolean log = logarithmic(groups);
        boolean named = groups.stream().anyMatch(g -> g.bars().size() > 1);
        double height = TOP + AXIS;
        for (Group g : groups) {
            height += groupHeight(g);
        }
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (Group g : groups) {
            for (Bar b : g.bars()) {
                max = Math.max(max, b.hasInterval() ? Math.max(b.high(), b.value()) : b.value());
                // An interval reaching zero (hyperfine clamps a run shorter than the shell's start to
                // 0 s) has no place on a log axis: its bar's value still does, so the axis always has
                // a positive lower end when it is logarithmic (logarithmic() needs a positive value).
                if (b.value() > 0) {
                    min = Math.min(min, b.value());
                }
                if (b.hasInterval() && b.low() > 0) {
                    min = Math.min(min, b.low());
                }
            }
        }
        double plotRight = WIDTH - RIGHT;
        // Room after the longest bar for its value: the axis ends short of the edge by that much.
        double valueRoom = 0;
        for (Group g : groups) {
            for (Bar b : g.bars()) {
                valueRoom = Math.max(valueRoom, TextFit.width(valueText(b, format, named), SMALL_FONT) + 10);
            }
        }
        valueRoom = Math.min(valueRoom, 150);
        double axisEnd = plotRight - valueRoom;
        Scale linear = log ? null : Scale.nice(0, max * 1.02, LEFT, axisEnd, 5);
        LogScale logScale = log ? LogScale.over(min, max, LEFT, axisEnd) : null;
        DoubleFunction<Double> at = v -> log ? logScale.at(v) : linear.at(v);
        List<Double> ticks = log ? logScale.ticks() : linear.ticks();
        double bottom = height - AXIS;
        Svg svg = new Svg(kind, WIDTH, height, title);
        for (double tick : ticks) {
            double px = at.apply(tick);
            svg.line(px, TOP, px, bottom, "stroke:#e3e3e3;stroke-width:1")
                    .text(px, bottom + 15, Scale.compact(format.apply(tick)), "middle", "tick");
        }
        double y = TOP;
        for (int gi = 0; gi < groups.size(); gi++) {
            Group g = groups.get(gi);
            double h = groupHeight(g);
            if (gi % 2 == 1) {
                svg.rect(0, y, WIDTH, h, "fill:#f6f7f9");
            }
            svg.wrapped(LEFT - 10, y + h / 2, g.label(), LEFT - 16, LABEL_FONT, 2, "end", "row-label");
            double by = y + PAD;
            for (Bar b : g.bars()) {
                bar(svg, g, b, at, by, plotRight, format, named);
                by += BAR + GAP;
            }
            y += h;
        }
        svg.line(LEFT, TOP, LEFT, bottom, "stroke:#767676;stroke-width:1")
                .line(LEFT, bottom, axisEnd, bottom, "stroke:#767676;stroke-width:1");
        svg.fitted((LEFT + axisEnd) / 2, height - 6, axis + (log ? " (log scale)" : ""), axisEnd - LEFT, SMALL_FONT,
                "middle", "axis-title");
        return svg.close();
    }

    private static void bar(Svg svg, Group g, Bar b, DoubleFunction<Double> at, double top, double plotRight,
                            DoubleFunction<String> format, boolean named) {
        String interval = b.hasInterval() ? " (interval " + format.apply(b.low()) + " – " + format.apply(b.high()) + ")"
                : "";
        svg.group(g.label() + " on " + b.label() + ": " + format.apply(b.value()) + interval);
        double end = at.apply(b.value());
        svg.rect(LEFT, top, Math.max(1, end - LEFT), BAR, "fill:" + b.colour());
        double textAt = end;
        if (b.hasInterval()) {
            double lo = at.apply(b.low());
            double hi = at.apply(b.high());
            double cy = top + BAR / 2;
            String ink = "stroke:#111;stroke-width:1.5";
            svg.line(lo, cy, hi, cy, ink).line(lo, cy - 4, lo, cy + 4, ink).line(hi, cy - 4, hi, cy + 4, ink);
            textAt = Math.max(textAt, hi);
        }
        double x = textAt + 5;
        svg.fitted(x, top + BAR / 2 + 4, valueText(b, format, named), plotRight - x, SMALL_FONT, "start", "value");
        svg.end();
    }

    private static String valueText(Bar b, DoubleFunction<String> format, boolean named) {
        return format.apply(b.value()) + (named ? " · " + b.label() : "");
    }

    private static double groupHeight(Group g) {
        return 2 * PAD + g.bars().size() * BAR + (g.bars().size() - 1) * GAP;
    }
}
