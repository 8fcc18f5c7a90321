package dev.cloudbench.core.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * How many rounds (or runs) a comparison needs to detect a change of a given size, from the noise
 * measured before. Closed-form, no simulation: the normal-theory sample size of the matching t-test,
 * with t quantiles (the smallest n that satisfies the formula at its own degrees of freedom), divided by the
 * asymptotic relative efficiency (ARE) of the test cloudbench actually uses against that t-test at
 * normal noise:
 *
 * <ul>
 *   <li><b>paired rounds</b> (variants): Wilcoxon's signed-rank test on the per-round log-ratios,
 *       ARE 3/π ≈ 0.955 (Hodges and Lehmann 1956); rounds n = ((t<sub>1−α/2</sub> + t<sub>power</sub>) σ / δ)² / (3/π),
 *       σ the round noise (spread of the log-ratios), δ = ln(1 + change);</li>
 *   <li><b>unpaired runs</b> (a run against a baseline run, or one target against another): the ratio
 *       of two sample medians, ARE of the median against the mean 2/π ≈ 0.637; runs per side
 *       n = 2 ((t + t) σ / δ)² / (2/π), σ the run-to-run spread of ln(time).</li>
 * </ul>
 *
 * Replicas (several instances per target) add the instance-to-instance variance σ<sub>b</sub>²,
 * which more rounds on the same instances cannot average away: with k instances of n units each the
 * estimate's variance is σ<sub>b</sub>²/k + σ²/(ARE·k·n), and {@link #split} finds the fewest
 * instances for which some affordable n brings it under the variance the change requires (normal
 * quantiles there: with few instances this is optimistic, and the plan says so).
 *
 * <p>SampleSizeTest cross-checks the paired plan by simulation: synthetic rounds with that noise,
 * tested with {@link SignedRank} exactly as the verdicts are, detect the change about as often as
 * planned.
 */
public final class SampleSize {
    /** Wilcoxon's signed-rank test against the paired t-test, at normal noise. */
    public static final double ARE_SIGNED_RANK = 3 / Math.PI;
    /** The sample median against the sample mean, at normal noise. */
    public static final double ARE_MEDIAN = 2 / Math.PI;

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    /** Where the iteration stops looking: more than any budget allows. */
    private static final int CAP = 1_000_000;

    private SampleSize() {
    }

    /**
     * Rounds for a paired comparison by the signed-rank test: at least the rounds at which the exact
     * test can reach {@code alpha} at all (2 / 2^n ≤ α).
     *
     * @param noise  robust standard deviation of the per-round log-ratios
     * @param change the change to detect, as a fraction (0.05 for 5 %)
     * @param alpha  two-sided level of the test
     * @param power  probability of detecting the change
     */
    public static int pairedRounds(double noise, double change, double alpha, double power) {
        int n = iterate(noise, Math.log1p(change), alpha, power, 1, ARE_SIGNED_RANK);
        int exactFloor = (int) Math.ceil(Math.log(2 / alpha) / Math.log(2));
        return Math.max(n, exactFloor);
    }

    /** Runs per side for an unpaired comparison of two medians (same arguments, noise of ln(time) per run). */
    public static int unpairedRuns(double noise, double change, double alpha, double power) {
        return Math.max(2, iterate(noise, Math.log1p(change), alpha, power, 2, ARE_MEDIAN));
    }

    /**
     * The smallest n with n ≥ sides · ((t_{1−α/2, df} + t_{power, df}) σ / δ)² / ARE, df = sides·(n − 1):
     * the right side falls as n grows, so scan up from the normal-quantile answer (a lower bound,
     * t quantiles being larger); a few steps.
     */
    private static int iterate(double noise, double effect, double alpha, double power, int sides, double are) {
        check(noise, effect, alpha, power);
        if (noise == 0) {
            return 2;
        }
        double ratio = noise / effect;
        double zSum = NORMAL.inverseSurvivalProbability(alpha / 2) + NORMAL.inverseSurvivalProbability(1 - power);
        int n = (int) Math.max(2, Math.min(CAP, Math.ceil(sides * Math.pow(zSum * ratio, 2) / are)));
        while (n < CAP) {
            TDistribution t = TDistribution.of(sides * (n - 1));
            double tSum = t.inverseSurvivalProbability(alpha / 2) + t.inverseSurvivalProbability(1 - power);
            if (sides * Math.pow(tSum * ratio, 2) / are <= n) {
                return n;
            }
            n++;
        }
        return CAP;
    }

    /**
     * Instances and units (rounds or runs) per instance.
     *
     * @param instances instances (replicas) per target
     * @param units     rounds or runs on each
     */
    public record Split(int instances, int units) {
    }

    /**
     * The fewest instances (up to {@code maxInstances}) on which at most {@code maxUnits} rounds or
     * runs each detect the change; null when none does.
     *
     * @param within  noise within an instance, per unit (round noise, or spread of ln(time))
     * @param between standard deviation between instances of what is compared (log scale)
     * @param sides   1 for a paired design, 2 for unpaired (both sides estimated)
     * @param are     efficiency of the within-instance estimate ({@link #ARE_SIGNED_RANK}, {@link #ARE_MEDIAN})
     */
    public static Split split(double within, double between, double change, double alpha, double power, int sides,
                              double are, int maxInstances, int maxUnits) {
        check(within, Math.log1p(change), alpha, power);
        double zSum = NORMAL.inverseSurvivalProbability(alpha / 2) + NORMAL.inverseSurvivalProbability(1 - power);
        // The variance one side's estimate may have: sides · v ≤ (δ / zSum)².
        double v = Math.pow(Math.log1p(change) / zSum, 2) / sides;
        for (int k = 1; k <= maxInstances; k++) {
            double left = k * v - between * between;
            if (left <= 0) {
                continue;
            }
            double n = Math.ceil(within * within / (are * left));
            if (n <= maxUnits) {
                return new Split(k, (int) Math.max(2, n));
            }
        }
        return null;
    }

    private static void check(double noise, double effect, double alpha, double power) {
        if (!(noise >= 0) || !(effect > 0) || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("noise " + noise + ", effect " + effect + ", alpha " + alpha + ", power "
                    + power);
        }
    }
}
