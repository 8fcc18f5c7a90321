package dev.cloudbench.core.stats;

/**
 * When a paired comparison of two variants counts as a change. Documented in docs/statistics.md.
 *
 * @param minRounds  fewer paired rounds than this: {@link Verdict#UNSTABLE}
 * @param alpha      the false-positive budget of a target's comparisons, over all benchmarks (Holm)
 *                   and all looks (alpha spending)
 * @param minEffect  a significant change smaller than this fraction is still
 *                   {@link Verdict#NO_SIGNIFICANT_CHANGE}; an interval within ± this settles a
 *                   comparison as unchanged
 * @param resolution an insignificant comparison whose interval reaches further than this fraction
 *                   either way cannot rule out a real change: {@link Verdict#UNSTABLE}
 * @param maxNoise   rounds whose log-ratios spread more than this (robust standard deviation, the
 *                   noise an A/A comparison would show) make the benchmark {@link Verdict#UNSTABLE}
 *                   whatever the test says
 * @param spending   ρ of the alpha-spending function α·t^ρ over looks
 */
public record PairedRules(int minRounds, double alpha, double minEffect, double resolution, double maxNoise,
                          double spending) {
    public static final PairedRules DEFAULT = new PairedRules(5, 0.05, 0.01, 0.10, 0.10,
            AlphaSpending.DEFAULT_EXPONENT);

    public PairedRules withMinEffect(double fraction) {
        return new PairedRules(minRounds, alpha, fraction, resolution, maxNoise, spending);
    }
}
