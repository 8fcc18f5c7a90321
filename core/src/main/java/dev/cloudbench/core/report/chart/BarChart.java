package dev.cloudbench.core.report.chart;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A small bar chart of one benchmark across targets: one bar per target with its confidence
 * interval as an error bar, the value written above it, the target named below it. Bars start at
 * zero, so their heights compare honestly. Meant to be shown in a grid, one per benchmark.
 */
public final class BarChart {
    private static final double WIDTH = 320;
    private static final double HEIGHT = 230;
    private static final double LEFT = 74;
    private static final double RIGHT = 10;
    private static final double TOP = 30;
    private static final double BOTTOM = 58;

    /**
     * @param label  the bar's name (a target id)
     * @param colour its colour
     * @param value  its height
     * @param low    lower end of its interval, or NaN without one
     * @param high   upper end of its interval, or NaN without one
     */
    public record Bar(String label, String colour, double value, double low, double high) {
    }

    private BarChart() {
    }

    public static String render(String title, List<Bar> bars, DoubleFunction<String> format) {
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, Double.isNaN(b.high()) ? b.value() : Math.max(b.value(), b.high()));
        }
        Scale y = Scale.nice(0, max * 1.08, HEIGHT - BOTTOM, TOP, 4);
        Svg svg = new Svg(WIDTH, HEIGHT, title);
        svg.text(WIDTH / 2, 16, DistributionChart.shorten(title, 44), "middle", "panel-title");
        for (double tick : y.ticks()) {
            svg.line(LEFT, y.at(tick), WIDTH - RIGHT, y.at(tick), "stroke:#e3e3e3;stroke-width:1")
                    .text(LEFT - 6, y.at(tick) + 4, Scale.compact(format.apply(tick)), "end", "tick");
        }
        double slot = (WIDTH - LEFT - RIGHT) / Math.max(1, bars.size());
        double barWidth = Math.min(44, slot * 0.62);
        boolean crowded = bars.size() > 3;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cx = LEFT + slot * i + slot / 2;
            boolean interval = !Double.isNaN(b.low()) && !Double.isNaN(b.high());
            svg.group(b.label() + ": " + format.apply(b.value())
                    + (interval ? " (interval " + format.apply(b.low()) + " – " + format.apply(b.high()) + ")" : ""));
            svg.rect(cx - barWidth / 2, y.at(b.value()), barWidth, y.at(0) - y.at(b.value()), "fill:" + b.colour());
            double labelY = y.at(b.value()) - 5;
            if (interval) {
                String ink = "stroke:#111;stroke-width:1.5";
                svg.line(cx, y.at(b.low()), cx, y.at(b.high()), ink)
                        .line(cx - 6, y.at(b.low()), cx + 6, y.at(b.low()), ink)
                        .line(cx - 6, y.at(b.high()), cx + 6, y.at(b.high()), ink);
                labelY = Math.min(labelY, y.at(b.high()) - 5);
            }
            if (!crowded) {
                svg.text(cx, labelY, format.apply(b.value()), "middle", "value");
            }
            if (crowded) {
                svg.rotatedText(cx + 4, HEIGHT - BOTTOM + 14, -35, DistributionChart.shorten(b.label(), 16), "tick");
            } else {
                svg.text(cx, HEIGHT - BOTTOM + 16, DistributionChart.shorten(b.label(), 18), "middle", "tick");
            }
            svg.end();
        }
        svg.line(LEFT, y.at(0), WIDTH - RIGHT, y.at(0), "stroke:#767676;stroke-width:1");
        return svg.close();
    }
}
