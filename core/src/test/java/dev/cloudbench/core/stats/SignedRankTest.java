package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.testing.Samples;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignedRankTest {
    @Test
    void pValue_matchesTheTextbookExactValue_forSmallSamples() {
        // All 5 differences positive: only 1 of 2^5 sign patterns reaches W+ = 15; two-sided 2/32.
        assertThat(SignedRank.pValue(new double[] {1, 2, 3, 4, 5})).isCloseTo(0.0625, within(1e-12));
        // The only negative difference has rank 2, so W- = 2; sign patterns with W- <= 2 are {}, {1}
        // and {2}: 3 of 2^9 on each side, two-sided 6/512 (R's wilcox.test gives 0.01172).
        double[] d = {0.83, -0.50, 0.62, 1.48, 0.68, 0.88, 0.55, 2.06, 0.30};
        assertThat(SignedRank.pValue(d)).isCloseTo(6.0 / 512, within(1e-12));
    }

    @Test
    void pValue_isOne_whenEveryDifferenceIsZero_orThereAreNone() {
        assertThat(SignedRank.pValue(new double[] {0, 0, 0})).isEqualTo(1);
        assertThat(SignedRank.pValue(new double[0])).isEqualTo(1);
    }

    @Test
    void pValue_isSymmetric_inTheSignOfTheDifferences() {
        double[] d = centred(Samples.normal(3, 25, 10.3, 1));
        double[] negated = Arrays.stream(d).map(x -> -x).toArray();
        assertThat(SignedRank.pValue(negated)).isCloseTo(SignedRank.pValue(d), within(1e-12));
    }

    @Test
    void doubledMidRanks_shareTheMeanRank_betweenTiedMagnitudes() {
        assertThat(SignedRank.doubledMidRanks(new double[] {-2, 1, 2, 3})).containsExactly(5, 2, 5, 8);
    }

    @Test
    void pValue_withTies_staysExactAndBetweenZeroAndOne() {
        double[] tied = {1, -1, 1, 1, 2, 2, -2, 3, 3, 3};
        assertThat(SignedRank.pValue(tied)).isBetween(0.0, 1.0).isGreaterThan(0.05);
    }

    @Test
    void exactAndNormal_agree_whereTheySwitch() {
        double[] d = centred(Samples.normal(9, SignedRank.EXACT_UP_TO, 10.15, 1));
        assertThat(SignedRank.pValue(d, false)).isCloseTo(SignedRank.pValue(d, true), within(0.002));
    }

    @Test
    void pValue_rejectsAtFivePercent_inAboutFivePercentOfNullSamples() {
        long rejected = IntStream.range(0, 1000)
                .filter(seed -> SignedRank.pValue(centred(Samples.normal(seed, 20, 10, 1))) <= 0.05).count();
        assertThat(rejected).isBetween(25L, 75L);
    }

    private static double[] centred(double[] aroundTen) {
        return Arrays.stream(aroundTen).map(x -> x - 10).toArray();
    }

    @Test
    void upperNormalTail_matchesKnownQuantiles() {
        assertThat(SignedRank.upperNormalTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(SignedRank.upperNormalTail(0)).isCloseTo(0.5, within(1e-6));
    }
}
