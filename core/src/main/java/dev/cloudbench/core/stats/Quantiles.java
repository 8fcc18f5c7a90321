package dev.cloudbench.core.stats;

import java.util.Arrays;

/** Order statistics of samples. Arrays named {@code sorted} must be sorted ascending and non-empty. */
public final class Quantiles {
    private Quantiles() {
    }

    public static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** The median: the middle value, or the mean of the two middle values. */
    public static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The p-quantile with linear interpolation between order statistics (Hyndman and Fan's type 7,
     * the default of R and NumPy).
     */
    public static double quantile(double[] sorted, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("quantile " + p + " outside [0, 1]");
        }
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /**
     * A robust standard deviation: 1.4826 × the median absolute deviation from the median (equal to
     * the standard deviation for normal samples, unmoved by a few wild values). Any order, non-empty.
     */
    public static double robustSpread(double[] values) {
        double median = median(sorted(values));
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - median);
        }
        return 1.4826 * median(sorted(deviations));
    }
}
