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

    /** Most decades an axis spans: beyond this the shortest bars are clamped to its lower end. */
    static final int MAX_DECADES = 12;

    /**
     * @param min the smallest value to show, above zero and finite
     * @param max the largest, finite
     * @throws IllegalArgumentException when {@code min} or {@code max} cannot be placed on a log axis
     */
    static LogScale over(double min, double max, double from, double to) {
        if (!(min > 0) || !Double.isFinite(min) || !Double.isFinite(max)) {
            // Once, an interval whose low end was 0 left min at +Infinity, lo became Infinity and
            // ticks() added Infinity until the heap ran out: refuse instead of looping.
            throw new IllegalArgumentException("a log axis needs finite values above zero, got " + min + " to " + max);
        }
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(max, min))));
        double lo = Math.max(Math.pow(10, Math.floor(Math.log10(min))), hi / Math.pow(10, MAX_DECADES));
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
        // Counted, not compared: a loop on `decade <= hi` never ends when the bounds are not finite.
        for (long d = 0; d <= decades; d++) {
            double decade = lo * Math.pow(10, d);
            for (double s : steps) {
                if (decade * s <= hi * 1.000001) {
                    ticks.add(decade * s);
                }
            }
        }
        return ticks;
    }
}
