package dev.cloudbench.core.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic map from positive values to chart coordinates, over whole decades: for medians
 * that differ by orders of magnitude, where a linear axis would leave the short ones invisible.
 *
 * @param lo   a power of ten at {@code from}
 * @param hi   a power of ten at {@code to}, above {@code lo}
 * @param from coordinate of {@code lo}
 * @param to   coordinate of {@code hi}
 */
record LogScale(double lo, double hi, double from, double to) {

    static LogScale over(double min, double max, double from, double to) {
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        return new LogScale(lo, hi > lo ? hi : lo * 10, from, to);
    }

    double at(double value) {
        double v = Math.max(value, lo);
        return from + Math.log10(v / lo) / Math.log10(hi / lo) * (to - from);
    }

    /** Every power of ten; with two decades or fewer also 2 and 5 times each. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long decades = Math.round(Math.log10(hi / lo));
        double[] steps = decades <= 2 ? new double[] {1, 2, 5} : new double[] {1};
        for (double decade = lo; decade <= hi * 1.000001; decade *= 10) {
            for (double s : steps) {
                if (decade * s <= hi * 1.000001) {
                    ticks.add(decade * s);
                }
            }
        }
        return ticks;
    }
}
