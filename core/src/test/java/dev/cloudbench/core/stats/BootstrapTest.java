package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.testing.Samples;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final double[] TIMES = Samples.normal(7, 30, 1.0, 0.05);

    @Test
    void median_isTheSame_underTheSameSeed() {
        assertThat(Bootstrap.seeded(42).median(TIMES)).isEqualTo(Bootstrap.seeded(42).median(TIMES));
    }

    @Test
    void median_changes_withAnotherSeed() {
        assertThat(Bootstrap.seeded(42).median(TIMES)).isNotEqualTo(Bootstrap.seeded(43).median(TIMES));
    }

    @Test
    void median_doesNotDependOnWhatWasComputedBefore() {
        Bootstrap fresh = Bootstrap.seeded(42);
        Bootstrap used = Bootstrap.seeded(42);
        used.median(Samples.normal(1, 50, 3.0, 0.2));
        used.ratioOfMedians(TIMES, TIMES);

        assertThat(used.median(TIMES)).isEqualTo(fresh.median(TIMES));
    }

    @Test
    void median_usesTheInjectedGenerator() {
        Bootstrap a = new Bootstrap(() -> new SplittableRandom(5), 500, 0.9);
        Bootstrap b = new Bootstrap(() -> new SplittableRandom(5), 500, 0.9);

        Interval interval = a.median(TIMES);
        assertThat(interval).isEqualTo(b.median(TIMES));
        assertThat(interval.level()).isEqualTo(0.9);
    }

    @Test
    void median_liesWithinItsInterval() {
        Interval interval = Bootstrap.standard().median(TIMES);

        assertThat(interval.contains(Quantiles.median(Quantiles.sorted(TIMES)))).isTrue();
        assertThat(interval.low()).isLessThan(interval.high());
    }

    /** Of 200 synthetic samples, how many intervals contain the true value. */
    private static long covered(IntPredicate sampleCovers) {
        return IntStream.range(0, 200).filter(sampleCovers).count();
    }

    @Test
    void median_containsTheTrueMedian_inAboutNinetyFivePercentOfSyntheticSamples() {
        Bootstrap bootstrap = Bootstrap.seeded(11);

        long covered = covered(i -> bootstrap.median(Samples.normal(1000 + i, 40, 2.0, 0.1)).contains(2.0));

        // Binomial(200, 0.95) stays within these bounds with overwhelming probability; fixed seeds make it exact.
        assertThat(covered).isBetween(176L, 199L);
    }

    @Test
    void ratioOfMedians_containsTheTrueRatio_inAboutNinetyFivePercentOfSyntheticSamples() {
        Bootstrap bootstrap = Bootstrap.seeded(12);

        long covered = covered(i -> bootstrap.ratioOfMedians(Samples.normal(5000 + i, 40, 1.2, 0.06),
                Samples.normal(9000 + i, 40, 1.0, 0.05)).contains(1.2));

        assertThat(covered).isBetween(176L, 199L);
    }

    @Test
    void ratioOfMedians_isAboveOne_whenTheNumeratorIsClearlySlower() {
        Interval interval = Bootstrap.standard().ratioOfMedians(Samples.normal(1, 20, 1.5, 0.02),
                Samples.normal(2, 20, 1.0, 0.02));

        assertThat(interval.low()).isGreaterThan(1.4);
        assertThat(interval.high()).isLessThan(1.6);
    }

    @Test
    void median_isNull_forASingleTime() {
        assertThat(Bootstrap.standard().median(new double[] {0.5})).isNull();
    }

    @Test
    void ratioOfMedians_isNull_whenTheReferenceMedianIsZero() {
        assertThat(Bootstrap.standard().ratioOfMedians(new double[] {1, 2, 3}, new double[] {0, 0, 1})).isNull();
    }

    @Test
    void construction_refusesTooFewResamplesOrAnImpossibleLevel() {
        assertThatThrownBy(() -> new Bootstrap(SplittableRandom::new, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bootstrap(SplittableRandom::new, 1000, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pairedRatio_containsTheTrueRatio_inAboutNinetyFivePercentOfSyntheticSamples() {
        Bootstrap bootstrap = new Bootstrap(() -> new SplittableRandom(23), 1000, 0.95);
        long covered = covered(seed -> {
            double[] logRatios = Samples.normal(seed, 25, 1, 0.02);
            for (int i = 0; i < logRatios.length; i++) {
                logRatios[i] = Math.log(1.03) + logRatios[i] - 1;
            }
            return bootstrap.pairedRatio(logRatios).contains(1.03);
        });
        assertThat(covered).isBetween(178L, 198L);
    }

    @Test
    void pairedRatio_isNull_withFewerThanTwoRounds() {
        assertThat(Bootstrap.standard().pairedRatio(new double[] {0.1})).isNull();
    }
}
