package dev.cloudbench.core.stats;

/**
 * What the rounds say about one variant against the baseline, before any verdict: the paired
 * ratio, its interval, the signed-rank p-value and the round-to-round noise.
 *
 * @param rounds   rounds in which both variants were measured
 * @param ratio    exp of the Hodges–Lehmann centre of the per-round log-ratios
 *                 ln(median_variant / median_baseline): above 1, the variant takes longer
 * @param interval bootstrap interval of {@code ratio}, resampling rounds; null with fewer than two rounds
 * @param pValue   two-sided p-value of Wilcoxon's signed-rank test on the per-round log-ratios
 * @param noise    robust standard deviation of the per-round log-ratios (1.4826 × their median
 *                 absolute deviation): how much rounds disagree, the spread an A/A comparison shows
 */
public record PairedEstimate(int rounds, double ratio, Interval interval, double pValue, double noise) {

    /**
     * @param baselineMedians per round, the baseline's median time
     * @param variantMedians  per round (same order), the variant's median time
     */
    public static PairedEstimate of(double[] baselineMedians, double[] variantMedians, Bootstrap bootstrap) {
        if (baselineMedians.length != variantMedians.length) {
            throw new IllegalArgumentException("rounds differ: " + baselineMedians.length + " and " + variantMedians.length);
        }
        int n = baselineMedians.length;
        double[] logRatios = new double[n];
        for (int i = 0; i < n; i++) {
            logRatios[i] = Math.log(positive(variantMedians[i]) / positive(baselineMedians[i]));
        }
        if (n == 0) {
            return new PairedEstimate(0, Double.NaN, null, 1, Double.NaN);
        }
        double centre = WalshAverages.of(logRatios).median();
        return new PairedEstimate(n, Math.exp(centre), bootstrap.pairedRatio(logRatios), SignedRank.pValue(logRatios),
                Quantiles.robustSpread(logRatios));
    }

    /** The change in percent: +2.5 means 2.5 % more time. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    /**
     * hyperfine subtracts the shell's start-up from each time, so a trivial command can measure 0 or
     * slightly less; a ratio needs positive times.
     */
    private static double positive(double seconds) {
        return Math.max(seconds, 1e-9);
    }
}
