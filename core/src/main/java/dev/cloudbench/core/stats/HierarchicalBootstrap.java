package dev.cloudbench.core.stats;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The ratio of medians of two groups of instances — target A against target B, each measured on
 * several instances (replicas) — with a two-stage (hierarchical) percentile bootstrap.
 *
 * <p>Runs on one instance share that instance: its host, its neighbours, its silicon. Identical code
 * on two instances of one type can differ by more than the runs of either vary, so treating all runs
 * of a group as independent (pooling them) pins down the instances measured, not the type: its
 * interval is far too narrow, and a difference between two hosts reads as a difference between two
 * types. Here the instance is the unit. A group's median is the median of its instances' medians,
 * and each resample draws the group's instances with replacement, then each drawn instance's runs
 * (or per-round values) with replacement, and takes the median of the resampled instances' medians
 * (Davison and Hinkley, <i>Bootstrap Methods and their Application</i>, 1997, §3.8: resampling at
 * both stages). Both groups are resampled independently: nothing pairs an instance of one with an
 * instance of the other.
 *
 * <p>With few instances the interval is honest only about what it can see: two or three instances a
 * side give a rough interval. At least two instances a side are needed; with one, there is no
 * instance-to-instance spread to resample and the interval is null.
 */
public final class HierarchicalBootstrap {
    /** Instances a group needs before an interval over instances means anything. */
    public static final int MIN_INSTANCES = 2;

    /** Its generators, resamples and level. */
    private final Bootstrap settings;

    /** With the generators, resamples and level of {@code settings}. */
    public HierarchicalBootstrap(Bootstrap settings) {
        this.settings = settings;
    }

    /** What cloudbench publishes: the settings and seed of {@link Bootstrap#standard()}. */
    public static HierarchicalBootstrap standard() {
        return new HierarchicalBootstrap(Bootstrap.standard());
    }

    /**
     * A group's median: the median of its instances' medians, each instance one unit whatever its
     * number of runs. Instances without runs are ignored; NaN without any.
     *
     * @param instances per instance, its runs (or per-round values)
     */
    public static double median(List<double[]> instances) {
        double[] medians = instances.stream().filter(r -> r.length > 0)
                .mapToDouble(r -> Quantiles.median(Quantiles.sorted(r))).toArray();
        return medians.length == 0 ? Double.NaN : Quantiles.median(Quantiles.sorted(medians));
    }

    /**
     * Interval for {@link #median}: instances drawn with replacement, then runs within each drawn
     * instance; null with fewer than {@value #MIN_INSTANCES} instances with runs.
     *
     * @param instances per instance, its runs
     */
    public Interval medianInterval(List<double[]> instances) {
        double[][] sorted = sortedInstances(instances);
        if (sorted.length < MIN_INSTANCES) {
            return null;
        }
        RandomGenerator rng = settings.generator();
        Scratch scratch = new Scratch(sorted);
        double[] medians = new double[settings.resamples()];
        for (int i = 0; i < medians.length; i++) {
            medians[i] = scratch.resampledMedian(rng);
        }
        return Bootstrap.percentile(medians, settings.level());
    }

    /** The estimate {@link #ratioOfMedians} gives an interval for: {@code median(numerator) / median(denominator)}. */
    public static double ratio(List<double[]> numerator, List<double[]> denominator) {
        return median(numerator) / median(denominator);
    }

    /**
     * Interval for {@link #ratio}; null when either group has fewer than
     * {@value #MIN_INSTANCES} instances with runs, or the denominator's median is not positive.
     *
     * @param numerator   per instance of the first group, its runs
     * @param denominator per instance of the second group, its runs
     */
    public Interval ratioOfMedians(List<double[]> numerator, List<double[]> denominator) {
        double[][] top = sortedInstances(numerator);
        double[][] bottom = sortedInstances(denominator);
        if (top.length < MIN_INSTANCES || bottom.length < MIN_INSTANCES || !(median(denominator) > 0)) {
            return null;
        }
        RandomGenerator rng = settings.generator();
        Scratch topScratch = new Scratch(top);
        Scratch bottomScratch = new Scratch(bottom);
        double[] ratios = new double[settings.resamples()];
        for (int i = 0; i < ratios.length; i++) {
            double t = topScratch.resampledMedian(rng);
            double b = bottomScratch.resampledMedian(rng);
            ratios[i] = b > 0 ? t / b : Double.POSITIVE_INFINITY;
        }
        return Bootstrap.percentile(ratios, settings.level());
    }

    /**
     * The centre of paired comparisons measured on several instances: per instance the Hodges–Lehmann
     * centre of its per-round log-ratios (as {@link PairedEstimate} computes for one instance), and the
     * median of those, each instance one unit whatever its number of rounds. Instances without rounds
     * are ignored; NaN without any.
     *
     * @param logRatios per instance, its per-round log-ratios ln(variant / baseline)
     */
    public static double pairedCentre(List<double[]> logRatios) {
        double[] centres = logRatios.stream().filter(d -> d.length > 0)
                .mapToDouble(d -> WalshAverages.of(d).median()).toArray();
        return centres.length == 0 ? Double.NaN : Quantiles.median(Quantiles.sorted(centres));
    }

    /**
     * The bootstrap distribution of {@link #pairedCentre}: each resample draws the instances with
     * replacement, then each drawn instance's rounds with replacement (both variants of a round
     * together), and takes the median of the drawn instances' Hodges–Lehmann centres. Null with fewer
     * than {@value #MIN_INSTANCES} instances with rounds.
     *
     * @param logRatios per instance, its per-round log-ratios
     */
    public PairedResamples pairedCentres(List<double[]> logRatios) {
        List<double[]> measured = logRatios.stream().filter(d -> d.length > 0).toList();
        if (measured.size() < MIN_INSTANCES) {
            return null;
        }
        WalshAverages[] walsh = measured.stream().map(WalshAverages::of).toArray(WalshAverages[]::new);
        int[][] counts = measured.stream().map(d -> new int[d.length]).toArray(int[][]::new);
        int k = walsh.length;
        double[] medians = new double[k];
        double[] centres = new double[settings.resamples()];
        RandomGenerator rng = settings.generator();
        for (int r = 0; r < centres.length; r++) {
            for (int i = 0; i < k; i++) {
                int drawn = rng.nextInt(k);
                int[] c = counts[drawn];
                Arrays.fill(c, 0);
                for (int j = 0; j < c.length; j++) {
                    c[rng.nextInt(c.length)]++;
                }
                medians[i] = walsh[drawn].weightedMedian(c);
            }
            Arrays.sort(medians);
            centres[r] = Quantiles.median(medians);
        }
        Arrays.sort(centres);
        return new PairedResamples(centres, settings.level());
    }

    /**
     * The resampled centres (log scale, sorted) of a paired comparison over instances.
     *
     * @param centres the resampled centres, sorted ascending
     * @param level   the confidence level of {@link #ratioInterval}
     */
    public record PairedResamples(double[] centres, double level) {
        /** The percentile interval of the ratio exp(centre). */
        public Interval ratioInterval() {
            Interval log = Bootstrap.percentile(centres.clone(), level);
            return new Interval(Math.exp(log.low()), Math.exp(log.high()), level);
        }

        /**
         * The two-sided bootstrap p-value of "no change": twice the smaller share of resampled centres
         * on either side of 0, each share counted as (1 + count) / (1 + resamples) so that it is never
         * 0; at most 1. The smallest α at which the percentile interval still excludes 1, about.
         */
        public double pValue() {
            int below = 0;
            int above = 0;
            for (double c : centres) {
                below += c <= 0 ? 1 : 0;
                above += c >= 0 ? 1 : 0;
            }
            double n = centres.length + 1.0;
            return Math.min(1, 2 * Math.min((below + 1) / n, (above + 1) / n));
        }
    }

    private static double[][] sortedInstances(List<double[]> instances) {
        return instances.stream().filter(r -> r.length > 0).map(Quantiles::sorted).toArray(double[][]::new);
    }

    /** One group's sorted instances and the buffers its resamples reuse. */
    private static final class Scratch {
        private final double[][] instances;
        private final int[][] counts;
        private final double[] medians;

        Scratch(double[][] instances) {
            this.instances = instances;
            this.counts = Arrays.stream(instances).map(r -> new int[r.length]).toArray(int[][]::new);
            this.medians = new double[instances.length];
        }

        /** Instances with replacement, then runs with replacement within each drawn instance. */
        double resampledMedian(RandomGenerator rng) {
            int k = instances.length;
            for (int i = 0; i < k; i++) {
                int drawn = rng.nextInt(k);
                medians[i] = Bootstrap.resampledMedian(instances[drawn], counts[drawn], rng);
            }
            Arrays.sort(medians);
            return Quantiles.median(medians);
        }
    }
}
