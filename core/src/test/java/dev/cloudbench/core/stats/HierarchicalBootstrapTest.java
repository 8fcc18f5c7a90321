package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HierarchicalBootstrapTest {
    /** Simulated datasets per coverage estimate: ±1.3 points of standard error at 95 %. */
    private static final int DATASETS = 300;
    private static final int RESAMPLES = 400;
    private static final double TRUE_RATIO = 1.10;

    @Test
    void coversTheTrueRatio_atItsNominalRate_whereThePooledRunsIntervalDoesNot() {
        // Every instance has its own level (lognormal, σ = 5 % between instances, as identical cloud
        // instances of one type differ), its runs scatter around it (σ = 3 %). Group A's instances are
        // 10 % slower than B's in the population, so the true ratio of medians is 1.10 exactly: the
        // instance levels and the run noise are symmetric in log, so every median sits at exp(μ).
        int hierarchicalCovered = 0;
        int pooledCovered = 0;
        for (int d = 0; d < DATASETS; d++) {
            SplittableRandom rng = new SplittableRandom(1_000 + d);
            List<double[]> a = group(rng, Math.log(TRUE_RATIO), 8, 10);
            List<double[]> b = group(rng, 0, 8, 10);
            Interval hierarchical = bootstrap(d).ratioOfMedians(a, b);
            Interval pooled = settings(d).ratioOfMedians(pooled(a), pooled(b));
            hierarchicalCovered += hierarchical.contains(TRUE_RATIO) ? 1 : 0;
            pooledCovered += pooled.contains(TRUE_RATIO) ? 1 : 0;
        }
        double hierarchicalCoverage = (double) hierarchicalCovered / DATASETS;
        double pooledCoverage = (double) pooledCovered / DATASETS;
        System.out.printf("coverage of the true ratio over %d datasets: hierarchical %.3f, pooled runs %.3f%n",
                DATASETS, hierarchicalCoverage, pooledCoverage);
        assertThat(hierarchicalCoverage).isCloseTo(0.95, within(0.03));
        assertThat(pooledCoverage).isLessThan(0.80);
    }

    @Test
    void pairedInterval_coversTheTrueRatio_atItsNominalRate_whereThePooledRoundsIntervalDoesNot() {
        // A/B rounds on 8 replicas of a target, 10 rounds each. Pairing within a round cancels each
        // instance's own level, but not how the change itself differs between instances: each
        // replica's change is 5 % ± 3 % (lognormal between instances), its rounds scatter by 2 %
        // around it. The true ratio of the type is 1.05. Pooling all 80 rounds as if independent
        // (what Bootstrap.pairedRatio would do with them) sees only the rounds' scatter.
        double trueRatio = 1.05;
        int hierarchicalCovered = 0;
        int pooledCovered = 0;
        for (int d = 0; d < DATASETS; d++) {
            SplittableRandom rng = new SplittableRandom(5_000 + d);
            List<double[]> logRatios = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                double change = Math.log(trueRatio) + 0.03 * gaussian(rng);
                double[] rounds = new double[10];
                for (int r = 0; r < rounds.length; r++) {
                    rounds[r] = change + 0.02 * gaussian(rng);
                }
                logRatios.add(rounds);
            }
            Interval hierarchical = bootstrap(d).pairedCentres(logRatios).ratioInterval();
            Interval pooled = settings(d).pairedRatio(pooled(logRatios));
            hierarchicalCovered += hierarchical.contains(trueRatio) ? 1 : 0;
            pooledCovered += pooled.contains(trueRatio) ? 1 : 0;
        }
        double hierarchicalCoverage = (double) hierarchicalCovered / DATASETS;
        double pooledCoverage = (double) pooledCovered / DATASETS;
        System.out.printf("paired: coverage of the true ratio over %d datasets: hierarchical %.3f, pooled rounds %.3f%n",
                DATASETS, hierarchicalCoverage, pooledCoverage);
        assertThat(hierarchicalCoverage).isCloseTo(0.95, within(0.03));
        assertThat(pooledCoverage).isLessThan(0.80);
    }

    @Test
    void pairedCentre_isTheMedianOfTheInstancesHodgesLehmannCentres() {
        // Each instance one unit: centres 0.1, 0.3 and 0.2 (the empty instance ignored) → 0.2, not the
        // 0.15 of all six rounds together.
        List<double[]> logRatios = List.of(new double[] {0.1, 0.1, 0.1}, new double[] {0.3},
                new double[] {0.2, 0.2}, new double[0]);
        assertThat(HierarchicalBootstrap.pairedCentre(logRatios)).isCloseTo(0.2, within(1e-12));
        assertThat(HierarchicalBootstrap.standard().pairedCentres(List.of(new double[] {0.1}, new double[0]))).isNull();
    }

    @Test
    void pairedPValue_isSmall_whenEveryInstanceAgrees_andNotWhenTheyDisagree() {
        List<double[]> agree = List.of(new double[] {0.05, 0.06, 0.04, 0.05}, new double[] {0.05, 0.07, 0.05, 0.06},
                new double[] {0.04, 0.05, 0.06, 0.05});
        List<double[]> disagree = List.of(new double[] {0.05, 0.06, 0.04, 0.05}, new double[] {-0.05, -0.07, -0.05, -0.06},
                new double[] {0.01, -0.01, 0.02, -0.02});
        assertThat(HierarchicalBootstrap.standard().pairedCentres(agree).pValue()).isLessThan(0.01);
        assertThat(HierarchicalBootstrap.standard().pairedCentres(disagree).pValue()).isGreaterThan(0.2);
    }

    @Test
    void ratio_isTheRatioOfTheMediansOfInstanceMedians() {
        List<double[]> a = List.of(new double[] {1, 2, 30}, new double[] {4}, new double[] {5, 6});
        List<double[]> b = List.of(new double[] {2}, new double[] {2, 2, 2, 2, 2, 2});
        // Instance medians of a: 2, 4, 5.5 → 4 (each instance one unit, not its 3 runs); of b: 2.
        assertThat(HierarchicalBootstrap.median(a)).isEqualTo(4);
        assertThat(HierarchicalBootstrap.ratio(a, b)).isEqualTo(2);
    }

    @Test
    void interval_isNull_withFewerThanTwoInstancesASide() {
        List<double[]> one = List.of(new double[] {1, 2, 3});
        List<double[]> two = List.of(new double[] {1, 2, 3}, new double[] {2, 3, 4}, new double[0]);
        assertThat(HierarchicalBootstrap.standard().ratioOfMedians(one, two)).isNull();
        assertThat(HierarchicalBootstrap.standard().ratioOfMedians(two, List.of(new double[] {1}, new double[0])))
                .isNull();
        assertThat(HierarchicalBootstrap.standard().ratioOfMedians(two, two)).isNotNull();
    }

    @Test
    void interval_isDeterministic_underItsSeed_andContainsTheEstimate() {
        SplittableRandom rng = new SplittableRandom(7);
        List<double[]> a = group(rng, 0.2, 4, 5);
        List<double[]> b = group(rng, 0, 3, 7);
        Interval first = HierarchicalBootstrap.standard().ratioOfMedians(a, b);
        assertThat(HierarchicalBootstrap.standard().ratioOfMedians(a, b)).isEqualTo(first);
        assertThat(first.contains(HierarchicalBootstrap.ratio(a, b))).isTrue();
        assertThat(first.level()).isEqualTo(Bootstrap.DEFAULT_LEVEL);
    }

    private static HierarchicalBootstrap bootstrap(long seed) {
        return new HierarchicalBootstrap(settings(seed));
    }

    private static Bootstrap settings(long seed) {
        return new Bootstrap(() -> new SplittableRandom(seed), RESAMPLES, 0.95);
    }

    /** {@code instances} instances of a group whose log-median is {@code mu}, {@code runs} runs each. */
    private static List<double[]> group(SplittableRandom rng, double mu, int instances, int runs) {
        List<double[]> group = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            double level = mu + 0.05 * gaussian(rng);
            double[] times = new double[runs];
            for (int r = 0; r < runs; r++) {
                times[r] = Math.exp(level + 0.03 * gaussian(rng));
            }
            group.add(times);
        }
        return group;
    }

    private static double[] pooled(List<double[]> group) {
        return group.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
