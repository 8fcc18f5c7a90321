package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.testing.Samples;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.statistics.inference.PValueMethod;
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
    void pValue_withTies_staysExactAndBetweenZeroAndOne() {
        double[] tied = {1, -1, 1, 1, 2, 2, -2, 3, 3, 3};
        assertThat(SignedRank.pValue(tied)).isBetween(0.0, 1.0).isGreaterThan(0.05);
    }

    @Test
    void pValue_withTies_isTheExactConditionalDistribution_countedHereBySignPatterns() {
        // |d| = 1,1,2,3 get mid-ranks 1.5,1.5,3,4; W+ = 8.5 of a total 10, mean 5. Of the 16 sign
        // patterns, those as far from 5: W+ in {0, 1.5, 8.5, 10} twice each for the tied ranks → 6/16.
        assertThat(SignedRank.pValue(new double[] {-1, 1, 2, 3})).isCloseTo(6.0 / 16, within(1e-12));
        double[][] cases = {{1, -1, 1, 1, 2, 2, -2, 3, 3, 3}, {0.5, 0.5, 0.5, -0.5, 1, 1}, {2, 2, 2, 2, 2, 2, 2, 2}};
        for (double[] d : cases) {
            assertThat(SignedRank.pValue(d)).as(Arrays.toString(d)).isCloseTo(bySignPatterns(d), within(1e-12));
        }
    }

    @Test
    void pValue_ofEightIdenticalRounds_isTheSmallestTheTestCanGive() {
        // A deterministic metric (instruction counts) gives the same difference in every round.
        assertThat(SignedRank.pValue(new double[] {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3}))
                .isCloseTo(2.0 / 256, within(1e-12));
    }

    /** Brute force: every sign pattern of the mid-ranks, the share at least as far from the mean. */
    private static double bySignPatterns(double[] d) {
        int n = d.length;
        double[] abs = Arrays.stream(d).map(Math::abs).toArray();
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int below = 0;
            int equal = 0;
            for (double a : abs) {
                below += a < abs[i] ? 1 : 0;
                equal += a == abs[i] ? 1 : 0;
            }
            rank[i] = below + (equal + 1) / 2.0;
        }
        double observed = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            observed += d[i] > 0 ? rank[i] : 0;
            total += rank[i];
        }
        double mean = total / 2;
        int extreme = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            double w = 0;
            for (int i = 0; i < n; i++) {
                w += (mask >> i & 1) == 1 ? rank[i] : 0;
            }
            extreme += Math.abs(w - mean) >= Math.abs(observed - mean) - 1e-9 ? 1 : 0;
        }
        return extreme / (double) (1 << n);
    }

    @Test
    void pValue_dropsZeroDifferences_beforeRanking() {
        assertThat(SignedRank.pValue(new double[] {0, 1, 2, 0, 3, 4, 5})).isCloseTo(0.0625, within(1e-12));
    }

    @Test
    void exactAndNormal_agree_whereTheySwitch() {
        double[] d = centred(Samples.normal(9, 200, 10.15, 1));
        assertThat(SignedRank.pValue(d, PValueMethod.ASYMPTOTIC))
                .isCloseTo(SignedRank.pValue(d, PValueMethod.EXACT), within(0.002));
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
    void pValue_isExact_atTheRoundBudgetsLimit_quickly() {
        // rounds.max is at most 500: the exact distribution must stay cheap there.
        double[] d = centred(Samples.normal(4, 500, 10.05, 1));
        long start = System.nanoTime();
        double p = SignedRank.pValue(d);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(p).isCloseTo(SignedRank.pValue(d, PValueMethod.ASYMPTOTIC), within(0.002));
    }

    @Test
    void blockedPValue_ofOneBlock_isThePlainTest() {
        double[] d = {0.83, -0.50, 0.62, 1.48, 0.68, 0.88, 0.55, 2.06, 0.30};
        assertThat(SignedRank.blockedPValue(java.util.List.of(d, new double[] {0, 0})))
                .isEqualTo(SignedRank.pValue(d));
        assertThat(SignedRank.blockedPValue(java.util.List.of(new double[0]))).isEqualTo(1);
    }

    @Test
    void blockedPValue_ranksWithinEachBlock_andCountsEverySignPatternOfAllBlocks() {
        // Block a: ranks 1..4 (magnitudes 1, 2, 3, 4); block b: ranks 1..3 of its own magnitudes 10,
        // 20, 30 — ranked among themselves, not among a's. 2^7 sign patterns in all.
        double[] a = {1, -2, 3, 4};
        double[] b = {-10, 20, 30};
        double[] ranksA = {1, 2, 3, 4};
        double[] ranksB = {1, 2, 3};
        double observed = 1 + 3 + 4 + 2 + 3;
        double mean = (10 + 6) / 2.0;
        int extreme = 0;
        for (int mask = 0; mask < 1 << 7; mask++) {
            double w = 0;
            for (int i = 0; i < 4; i++) {
                w += (mask >> i & 1) == 1 ? ranksA[i] : 0;
            }
            for (int i = 0; i < 3; i++) {
                w += (mask >> (4 + i) & 1) == 1 ? ranksB[i] : 0;
            }
            extreme += Math.abs(w - mean) >= Math.abs(observed - mean) - 1e-9 ? 1 : 0;
        }
        assertThat(SignedRank.blockedPValue(java.util.List.of(a, b))).isCloseTo(extreme / 128.0, within(1e-12));
    }

    @Test
    void blockedPValue_exactAndNormal_agree_whereTheySwitch() {
        // 4 blocks of 50 differences (200 in all) are the most the exact distribution is computed for.
        java.util.List<double[]> blocks = IntStream.range(0, 4)
                .mapToObj(b -> centred(Samples.normal(40 + b, 50, 10.1, 1))).toList();
        assertThat(SignedRank.blockedPValue(blocks)).isEqualTo(SignedRank.exact(blocks));
        assertThat(SignedRank.blockedNormal(blocks)).isCloseTo(SignedRank.exact(blocks), within(0.002));
        java.util.List<double[]> more = IntStream.range(0, 4)
                .mapToObj(b -> centred(Samples.normal(40 + b, 51, 10.1, 1))).toList();
        assertThat(SignedRank.blockedPValue(more)).isEqualTo(SignedRank.blockedNormal(more));
    }

    @Test
    void blockedPValue_rejectsAtFivePercent_inAboutFivePercentOfNullSamples_whateverTheBlocksNoise() {
        // Three instances, each with its own noise (1, 3 and 10 times the first's): under "no change"
        // every sign is a fair coin, so the test holds its level however differently the blocks scatter.
        long rejected = IntStream.range(0, 1000).filter(seed -> SignedRank.blockedPValue(java.util.List.of(
                centred(Samples.normal(seed, 8, 10, 1)), centred(Samples.normal(seed + 5000, 8, 10, 3)),
                centred(Samples.normal(seed + 9000, 8, 10, 10)))) <= 0.05).count();
        assertThat(rejected).isBetween(25L, 75L);
    }
}
