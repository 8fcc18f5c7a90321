package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.testing.Samples;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(() -> new SplittableRandom(17), 500, 0.95);

    /**
     * Rounds of a machine that drifts: every round has its own speed (±5 %, shared by both variants
     * of the round), and each variant's median adds 0.5 % of its own noise.
     */
    private static double[][] rounds(long seed, int n, double ratio) {
        double[] drift = Samples.normal(seed, n, 1, 0.05);
        double[] a = Samples.normal(seed + 1000, n, 1, 0.005);
        double[] b = Samples.normal(seed + 2000, n, 1, 0.005);
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = 0.05 * drift[i] * a[i];
            out[1][i] = 0.05 * drift[i] * b[i] * ratio;
        }
        return out;
    }

    private static PairedComparison single(double[][] r, double level) {
        return PairedComparison.decide(List.of(PairedEstimate.of(r[0], r[1], BOOTSTRAP)), level, PairedRules.DEFAULT)
                .get(0);
    }

    @Test
    void estimate_recoversTheRatio_throughDriftThatWouldHideIt() {
        PairedEstimate e = PairedEstimate.of(rounds(1, 30, 1.02)[0], rounds(1, 30, 1.02)[1], BOOTSTRAP);

        assertThat(e.ratio()).isCloseTo(1.02, within(0.004));
        assertThat(e.interval().contains(1.02)).isTrue();
        assertThat(e.interval().low()).isGreaterThan(1);
        assertThat(e.noise()).isCloseTo(0.007, within(0.004));
        assertThat(e.rounds()).isEqualTo(30);
    }

    @Test
    void estimate_isDeterministic_underItsSeed() {
        double[][] r = rounds(2, 20, 1.0);
        assertThat(PairedEstimate.of(r[0], r[1], BOOTSTRAP)).isEqualTo(PairedEstimate.of(r[0], r[1], BOOTSTRAP));
    }

    @Test
    void twoPercentMore_isSlower_whenSignificantAndBeyondTheMinimumEffect() {
        PairedComparison c = single(rounds(3, 30, 1.02), 0.05);

        assertThat(c.verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(c.settled()).isTrue();
        assertThat(c.reason()).startsWith("significant (p = ").contains("beyond the 1% minimum effect");
    }

    @Test
    void aSignificantChange_belowTheMinimumEffect_isNoSignificantChange() {
        PairedComparison c = single(rounds(4, 60, 1.004), 0.05);

        assertThat(c.estimate().pValue()).isLessThan(0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(c.reason()).contains("smaller than the 1% minimum effect");
        assertThat(c.settled()).isTrue();
    }

    @Test
    void identicalVariants_areSettledUnchanged_whenTheIntervalFitsTheMinimumEffect() {
        PairedComparison c = single(rounds(5, 40, 1.0), 0.05);

        assertThat(c.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(c.settled()).isTrue();
        assertThat(c.reason()).contains("within ±1%");
    }

    @Test
    void fewRounds_areUnstable_andAskForMore() {
        PairedComparison c = single(rounds(6, 4, 1.5), 0.05);

        assertThat(c.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(c.settled()).isFalse();
        assertThat(c.reason()).isEqualTo("too few rounds to tell (4; at least 5)");
    }

    @Test
    void roundsThatDisagreeWildly_areUnstable_evenWhenSignificant() {
        double[] base = new double[20];
        double[] variant = new double[20];
        SplittableRandom rng = new SplittableRandom(8);
        for (int i = 0; i < 20; i++) {
            base[i] = 1;
            variant[i] = 1.5 * Math.exp(0.4 * (rng.nextDouble() - 0.5));
        }
        PairedComparison c = single(new double[][] {base, variant}, 0.05);

        assertThat(c.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(c.reason()).contains("A/A noise above 10%");
        assertThat(c.settled()).as("more rounds cannot calm the machine").isTrue();
    }

    @Test
    void anInsignificantChange_whoseIntervalReachesPastTheMinimumEffect_isUnsettled() {
        double[][] r = rounds(9, 8, 1.006);
        PairedComparison c = single(r, 0.002);

        assertThat(c.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(c.settled()).isFalse();
        assertThat(c.reason()).contains("reaches beyond ±1%");
    }

    @Test
    void holm_isApplied_acrossTheFamily() {
        double[][] r = rounds(10, 12, 1.02);
        PairedEstimate e = PairedEstimate.of(r[0], r[1], BOOTSTRAP);
        PairedEstimate same = PairedEstimate.of(rounds(11, 12, 1.0)[0], rounds(11, 12, 1.0)[1], BOOTSTRAP);

        List<PairedComparison> both = PairedComparison.decide(List.of(e, same), 0.05, PairedRules.DEFAULT);

        assertThat(both.get(0).adjustedPValue()).isCloseTo(Math.min(1, 2 * e.pValue()), within(1e-12));
    }

    @Test
    void identicalVariants_areCalledChanged_inAtMostAlphaOfTrials_overThreeLooks() {
        long falsePositives = IntStream.range(0, 300).filter(seed -> {
            double[][] r = rounds(10_000 + seed, 60, 1.0);
            int[] looks = {20, 40, 60};
            for (int k = 0; k < looks.length; k++) {
                double[][] upTo = {Arrays.copyOf(r[0], looks[k]), Arrays.copyOf(r[1], looks[k])};
                List<Integer> earlier = IntStream.of(looks).limit(k).boxed().toList();
                double level = AlphaSpending.levelAt(0.05, AlphaSpending.DEFAULT_EXPONENT, earlier, looks[k], 60, k == looks.length - 1);
                PairedComparison c = single(upTo, level);
                if (c.verdict() == Verdict.SLOWER || c.verdict() == Verdict.FASTER) {
                    return true;
                }
                if (c.settled()) {
                    return false;
                }
            }
            return false;
        }).count();
        assertThat(falsePositives).isLessThanOrEqualTo(15L);
    }
}
