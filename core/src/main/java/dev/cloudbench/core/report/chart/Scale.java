package dev.cloudbench.core.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to chart coordinates, over a span widened to round ticks.
 *
 * @param lo   data value at {@code from}, a multiple of {@code step}
 * @param hi   data value at {@code to}, a multiple of {@code step}, above {@code lo}
 * @param from coordinate of {@code lo}
 * @param to   coordinate of {@code hi}
 * @param step distance between ticks: 1, 2 or 5 × 10^k
 */
record Scale(double lo, double hi, double from, double to, double step) {

    /** A scale over [lo, hi] widened to about {@code ticks} round tick values; an empty span gets a small one. */
    static Scale nice(double lo, double hi, double from, double to, int ticks) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1e-3 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        double step = step((hi - lo) / Math.max(1, ticks - 1));
        return new Scale(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, from, to, step);
    }

    double at(double value) {
        return from + (value - lo) / (hi - lo) * (to - from);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        long first = Math.round(lo / step);
        long last = Math.round(hi / step);
        if (last - first > 1000 || last < first) {
            // A span too small for a finite step (or not finite at all): the ends only, never a runaway loop.
            return List.of(lo, hi);
        }
        for (long i = first; i <= last; i++) {
            ticks.add(i == 0 ? 0.0 : i * step);
        }
        return ticks;
    }

    /** A tick label without trailing zeros: {@code 400.00 ms} reads {@code 400 ms}, {@code $0.00150} {@code $0.0015}. */
    static String compact(String label) {
        return label.replaceFirst("\\.(\\d*?)0+(?!\\d)", ".$1").replaceFirst("\\.(?!\\d)", "");
    }

    /** The round step (1, 2 or 5 × 10^k) at or above {@code raw}, with room for rounding error. */
    private static double step(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }
}
