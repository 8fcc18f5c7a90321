package dev.cloudbench.core.history;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's two-sample t-test with pooled variance, two-sided, on {@code x[from, split)} against
 * {@code x[split, to)}. Hunter (arXiv 2301.03034) uses it in place of E-divisive's permutation
 * test: deterministic, and fast enough to run on every publish.
 */
record TwoSampleTest(double before, double after, double pValue) {

    static TwoSampleTest of(double[] x, int from, int split, int to) {
        int n1 = split - from;
        int n2 = to - split;
        double m1 = mean(x, from, split);
        double m2 = mean(x, split, to);
        double ss = squares(x, from, split, m1) + squares(x, split, to, m2);
        int df = n1 + n2 - 2;
        if (n1 < 1 || n2 < 1 || df < 1) {
            return new TwoSampleTest(m1, m2, 1);
        }
        double se = Math.sqrt(ss / df * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            // Both sides constant (deterministic metrics such as instruction counts): any difference is certain.
            return new TwoSampleTest(m1, m2, m1 == m2 ? 1 : 0);
        }
        double t = Math.abs(m2 - m1) / se;
        return new TwoSampleTest(m1, m2, Math.min(1, 2 * TDistribution.of(df).survivalProbability(t)));
    }

    /** {@code after / before - 1}; infinite when only {@code before} is 0, 0 when both are. */
    double change() {
        if (before == 0) {
            return after == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, after);
        }
        return after / before - 1;
    }

    private static double mean(double[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i];
        }
        return to > from ? sum / (to - from) : Double.NaN;
    }

    private static double squares(double[] x, int from, int to, double mean) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (x[i] - mean) * (x[i] - mean);
        }
        return sum;
    }
}
