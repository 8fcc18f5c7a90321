package dev.cloudbench.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
        double[] logRatios = logRatios(baselineMedians, variantMedians);
        int n = logRatios.length;
        if (n == 0) {
            return new PairedEstimate(0, Double.NaN, null, 1, Double.NaN);
        }
        double centre = WalshAverages.of(logRatios).median();
        return new PairedEstimate(n, Math.exp(centre), bootstrap.pairedRatio(logRatios), SignedRank.pValue(logRatios),
                Quantiles.robustSpread(logRatios));
    }

    /**
     * One comparison measured in paired rounds on several instances (the replicas of a target), the
     * instance as the block: the ratio is exp of the median of the instances' Hodges–Lehmann centres
     * ({@link HierarchicalBootstrap#pairedCentre}); its interval resamples instances, then rounds
     * within them ({@link HierarchicalBootstrap#pairedCentres}), null with fewer than two instances;
     * the p-value is the larger of the signed-rank test stratified by instance
     * ({@link SignedRank#blockedPValue}: exact under "no change on any instance") and the
     * hierarchical bootstrap's ({@link HierarchicalBootstrap.PairedResamples#pValue}: small only when
     * the instances agree on the change), so that a significant result means both; the noise is the
     * robust spread of every round's log-ratio, instances together (their disagreement included);
     * {@code rounds} counts the rounds of all instances.
     *
     * @param baselineMedians per instance, per round, the baseline's median time
     * @param variantMedians  per instance (same order), per round (same order), the variant's
     */
    public static PairedEstimate pooled(List<double[]> baselineMedians, List<double[]> variantMedians,
                                        Bootstrap bootstrap) {
        if (baselineMedians.size() != variantMedians.size()) {
            throw new IllegalArgumentException("instances differ: " + baselineMedians.size() + " and "
                    + variantMedians.size());
        }
        List<double[]> logRatios = new ArrayList<>();
        for (int i = 0; i < baselineMedians.size(); i++) {
            logRatios.add(logRatios(baselineMedians.get(i), variantMedians.get(i)));
        }
        double[] all = logRatios.stream().flatMapToDouble(Arrays::stream).toArray();
        if (all.length == 0) {
            return new PairedEstimate(0, Double.NaN, null, 1, Double.NaN);
        }
        HierarchicalBootstrap.PairedResamples resamples = new HierarchicalBootstrap(bootstrap).pairedCentres(logRatios);
        double blocked = SignedRank.blockedPValue(logRatios);
        return new PairedEstimate(all.length, Math.exp(HierarchicalBootstrap.pairedCentre(logRatios)),
                resamples == null ? null : resamples.ratioInterval(),
                resamples == null ? blocked : Math.max(blocked, resamples.pValue()), Quantiles.robustSpread(all));
    }

    private static double[] logRatios(double[] baselineMedians, double[] variantMedians) {
        if (baselineMedians.length != variantMedians.length) {
            throw new IllegalArgumentException("rounds differ: " + baselineMedians.length + " and " + variantMedians.length);
        }
        double[] logRatios = new double[baselineMedians.length];
        for (int i = 0; i < logRatios.length; i++) {
            logRatios[i] = Math.log(positive(variantMedians[i]) / positive(baselineMedians[i]));
        }
        return logRatios;
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
