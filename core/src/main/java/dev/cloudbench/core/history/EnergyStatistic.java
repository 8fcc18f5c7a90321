package dev.cloudbench.core.history;

/**
 * E-divisive means (Matteson and James 2014, with α = 1): the split of a segment that maximises the
 * energy distance between the points before it and the points from it on,
 * {@code Q(τ) = m·n/(m+n) · (2/(m·n)·Σ|x−y| − Σ|x−x'|/C(m,2) − Σ|y−y'|/C(n,2))}. Computed for every
 * τ in O(n²) time from row sums of the distance matrix, without storing it.
 */
final class EnergyStatistic {
    private EnergyStatistic() {
    }

    /**
     * The best split of {@code x[from, to)} leaving at least {@code minSize} points each side, or -1
     * when the segment is too short.
     */
    static int bestSplit(double[] x, int from, int to, int minSize) {
        int n = to - from;
        if (n < 2 * minSize) {
            return -1;
        }
        // left[t] = Σ_{from ≤ i < t} |x_i − x_t|, right[t] = Σ_{t < j < to} |x_t − x_j|
        double[] left = new double[n];
        double[] right = new double[n];
        for (int t = 0; t < n; t++) {
            for (int j = t + 1; j < n; j++) {
                double d = Math.abs(x[from + t] - x[from + j]);
                right[t] += d;
                left[j] += d;
            }
        }
        double total = 0;
        for (double l : left) {
            total += l;
        }
        double[] suffixRight = new double[n + 1];
        for (int t = n - 1; t >= 0; t--) {
            suffixRight[t] = suffixRight[t + 1] + right[t];
        }
        double withinLeft = 0;
        int best = -1;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int tau = 1; tau < n; tau++) {
            withinLeft += left[tau - 1];
            int m = tau;
            int k = n - tau;
            if (m < minSize || k < minSize) {
                continue;
            }
            double withinRight = suffixRight[tau];
            double between = total - withinLeft - withinRight;
            double q = (double) m * k / n * (2 * between / ((double) m * k) - pairs(withinLeft, m) - pairs(withinRight, k));
            if (q > bestQ) {
                bestQ = q;
                best = from + tau;
            }
        }
        return best;
    }

    private static double pairs(double sum, int size) {
        return size < 2 ? 0 : sum / (size * (size - 1) / 2.0);
    }
}
