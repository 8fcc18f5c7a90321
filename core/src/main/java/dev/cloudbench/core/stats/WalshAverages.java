package dev.cloudbench.core.stats;

import java.util.Arrays;

/**
 * The Walsh averages (d_i + d_j) / 2, i ≤ j, of a sample, sorted once: their median is the
 * Hodges–Lehmann estimate of the sample's centre — the estimate that goes with Wilcoxon's
 * signed-rank test, nearly as efficient as the mean for normal data and robust to outlying rounds.
 */
final class WalshAverages {
    private final double[] values;
    private final int[] first;
    private final int[] second;

    private WalshAverages(double[] values, int[] first, int[] second) {
        this.values = values;
        this.first = first;
        this.second = second;
    }

    static WalshAverages of(double[] d) {
        int n = d.length;
        int m = n * (n + 1) / 2;
        long[] packed = new long[m];
        double[] raw = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                raw[k] = (d[i] + d[j]) / 2;
                packed[k] = ((long) i << 32) | j;
                k++;
            }
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
        double[] values = new double[m];
        int[] first = new int[m];
        int[] second = new int[m];
        for (int i = 0; i < m; i++) {
            values[i] = raw[order[i]];
            first[i] = (int) (packed[order[i]] >>> 32);
            second[i] = (int) packed[order[i]];
        }
        return new WalshAverages(values, first, second);
    }

    /** The Hodges–Lehmann estimate of the sample itself. */
    double median() {
        return Quantiles.median(values);
    }

    /**
     * The Hodges–Lehmann estimate of a resample in which sample element i occurs {@code counts[i]}
     * times (the counts sum to the sample size).
     */
    double weightedMedian(int[] counts) {
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        long total = n * (n + 1) / 2;
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        long seen = 0;
        double low = Double.NaN;
        for (int k = 0; k < values.length; k++) {
            int i = first[k];
            int j = second[k];
            long weight = i == j ? (long) counts[i] * (counts[i] + 1) / 2 : (long) counts[i] * counts[j];
            if (weight == 0) {
                continue;
            }
            seen += weight;
            if (Double.isNaN(low) && seen > lowRank) {
                low = values[k];
            }
            if (seen > highRank) {
                return (low + values[k]) / 2;
            }
        }
        throw new IllegalStateException("resample lost its middle");
    }
}
