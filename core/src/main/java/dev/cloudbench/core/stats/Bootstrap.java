package dev.cloudbench.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Percentile-bootstrap confidence intervals for medians, ratios of medians, and the paired ratio
 * of two variants measured in the same rounds.
 *
 * <p>Every interval draws from a fresh generator of {@code generators}, so an interval depends
 * only on its data and the seed, never on what was computed before it: the same results.json
 * always renders the same report.
 */
public final class Bootstrap {
    public static final int DEFAULT_RESAMPLES = 2000;
    public static final double DEFAULT_LEVEL = 0.95;
    /** The seed of every interval cloudbench publishes; documented in docs/statistics.md. */
    public static final long DEFAULT_SEED = 20_260_101L;

    private final Supplier<RandomGenerator> generators;
    private final int resamples;
    private final double level;

    public Bootstrap(Supplier<RandomGenerator> generators, int resamples, double level) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples, not " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level " + level + " outside (0, 1)");
        }
        this.generators = generators;
        this.resamples = resamples;
        this.level = level;
    }

    /** {@link #DEFAULT_RESAMPLES} resamples at {@link #DEFAULT_LEVEL}, each interval from {@code seed}. */
    public static Bootstrap seeded(long seed) {
        return new Bootstrap(() -> new SplittableRandom(seed), DEFAULT_RESAMPLES, DEFAULT_LEVEL);
    }

    /** What cloudbench publishes: {@link #seeded} with {@link #DEFAULT_SEED}. */
    public static Bootstrap standard() {
        return seeded(DEFAULT_SEED);
    }

    public int resamples() {
        return resamples;
    }

    public double level() {
        return level;
    }

    /** A fresh generator for one interval (also for {@link HierarchicalBootstrap}). */
    RandomGenerator generator() {
        return generators.get();
    }

    /** Interval for the median of {@code times}; null with fewer than two times (nothing to resample). */
    public Interval median(double[] times) {
        if (times.length < 2) {
            return null;
        }
        double[] sorted = Quantiles.sorted(times);
        RandomGenerator rng = generators.get();
        int[] counts = new int[sorted.length];
        double[] medians = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            medians[i] = resampledMedian(sorted, counts, rng);
        }
        return percentile(medians);
    }

    /**
     * Interval for median(numerator) / median(denominator), both resampled independently; null
     * when either side has fewer than two times or a median of zero.
     */
    public Interval ratioOfMedians(double[] numerator, double[] denominator) {
        if (numerator.length < 2 || denominator.length < 2) {
            return null;
        }
        double[] top = Quantiles.sorted(numerator);
        double[] bottom = Quantiles.sorted(denominator);
        if (Quantiles.median(bottom) <= 0) {
            return null;
        }
        RandomGenerator rng = generators.get();
        int[] topCounts = new int[top.length];
        int[] bottomCounts = new int[bottom.length];
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            double t = resampledMedian(top, topCounts, rng);
            double b = resampledMedian(bottom, bottomCounts, rng);
            ratios[i] = b > 0 ? t / b : Double.POSITIVE_INFINITY;
        }
        return percentile(ratios);
    }

    /**
     * Interval for the paired ratio {@code exp(HodgesLehmann(logRatios))}, one log-ratio per round,
     * resampling whole rounds: both variants of a round stay together, so what the rounds share (the
     * machine's state at the time) cancels as it does in the estimate. Null with fewer than two rounds.
     *
     * <p>The Hodges–Lehmann centre of a resample is the median of its Walsh averages
     * (d_i + d_j) / 2, i ≤ j. A resample only repeats rounds, so its Walsh averages are the original
     * ones, each counted c_i·c_j times (c_i(c_i+1)/2 when i = j) for rounds drawn c_i times: one
     * walk over the sorted original averages per resample, no sorting.
     */
    public Interval pairedRatio(double[] logRatios) {
        int n = logRatios.length;
        if (n < 2) {
            return null;
        }
        WalshAverages walsh = WalshAverages.of(logRatios);
        RandomGenerator rng = generators.get();
        int[] counts = new int[n];
        double[] centres = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[rng.nextInt(n)]++;
            }
            centres[r] = walsh.weightedMedian(counts);
        }
        Interval logInterval = percentile(centres);
        return new Interval(Math.exp(logInterval.low()), Math.exp(logInterval.high()), level);
    }

    /**
     * The median of one resample with replacement, in O(n): count how often each order statistic
     * is drawn, then walk the counts to the middle. No sorting per resample.
     */
    static double resampledMedian(double[] sorted, int[] counts, RandomGenerator rng) {
        int n = sorted.length;
        Arrays.fill(counts, 0);
        for (int i = 0; i < n; i++) {
            counts[rng.nextInt(n)]++;
        }
        int lowRank = (n - 1) / 2;
        int highRank = n / 2;
        double low = Double.NaN;
        int seen = 0;
        for (int i = 0; i < n; i++) {
            seen += counts[i];
            if (Double.isNaN(low) && seen > lowRank) {
                low = sorted[i];
            }
            if (seen > highRank) {
                return (low + sorted[i]) / 2;
            }
        }
        throw new IllegalStateException("resample lost its middle");
    }

    private Interval percentile(double[] statistics) {
        return percentile(statistics, level);
    }

    /** The central {@code level} percentile interval of {@code statistics} (sorted in place). */
    static Interval percentile(double[] statistics, double level) {
        Arrays.sort(statistics);
        double tail = (1 - level) / 2;
        return new Interval(Quantiles.quantile(statistics, tail), Quantiles.quantile(statistics, 1 - tail), level);
    }
}
