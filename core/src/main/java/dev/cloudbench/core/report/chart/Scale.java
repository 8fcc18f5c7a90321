package dev.cloudbench.core.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to chart coordinates, with round tick values.
 *
 * @param lo     data value at {@code from}
 * @param hi     data value at {@code to}, above {@code lo}
 * @param from   coordinate of {@code lo}
 * @param to     coordinate of {@code hi}
 */
record Scale(double lo, double hi, double from, double to) {

    /** A scale over [lo, hi] widened to round tick values; an empty span gets a small one. */
    static Scale nice(double lo, double hi, double from, double to, int ticks) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1e-3 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        double step = step(lo, hi, ticks);
        return new Scale(Math.floor(lo / step) * step, Math.ceil(hi / step) * step, from, to);
    }

    double at(double value) {
        return from + (value - lo) / (hi - lo) * (to - from);
    }

    List<Double> ticks(int count) {
        double step = step(lo, hi, count);
        List<Double> ticks = new ArrayList<>();
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
            ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return ticks;
    }

    /** A tick label without trailing zeros: {@code 400.00 ms} reads {@code 400 ms}, {@code $0.00150} {@code $0.0015}. */
    static String compact(String label) {
        return label.replaceFirst("\\.(\\d*?)0+(?!\\d)", ".$1").replaceFirst("\\.(?!\\d)", "");
    }

    /** A step of 1, 2 or 5 × 10^k giving about {@code count} ticks over [lo, hi]. */
    private static double step(double lo, double hi, int count) {
        double raw = (hi - lo) / Math.max(1, count - 1);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
