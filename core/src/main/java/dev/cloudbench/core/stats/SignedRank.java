package dev.cloudbench.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Wilcoxon's signed-rank test that paired differences are centred on zero, two-sided, computed by
 * Apache Commons Statistics ({@link WilcoxonSignedRankTest}). What this class adds is only the
 * convention cloudbench documents: zero differences (rounds in which both variants measured the same
 * median) are dropped before ranking (Wilcoxon's convention; the library would keep them, Pratt's),
 * and no differences at all give p = 1 instead of the library's exception.
 *
 * <p>The p-value is exact — the distribution of the rank sum over all 2^n sign patterns — whenever the
 * library can compute it exactly: up to {@value #EXACT_UP_TO} non-zero differences without tied
 * magnitudes. The library has no exact distribution for tied magnitudes and falls back to the normal
 * approximation; ties are the rule, not the exception, for a deterministic metric such as instruction
 * counts (eight identical rounds would get p = 0.0143 instead of 2/2^8 = 0.0078, and miss the level
 * after Holm's correction). So with ties, up to {@value #EXACT_WITH_TIES_UP_TO} differences, this
 * class computes the exact conditional distribution itself: the sum of the positive differences'
 * mid-ranks over all 2^n sign patterns (the permutation distribution of Wilcoxon's statistic given
 * the ties; Hollander, Wolfe and Chicken, Nonparametric Statistical Methods, 3rd ed., §3.1, "ties").
 * Beyond that it is the library's tie-corrected normal approximation with a continuity correction.
 */
public final class SignedRank {
    /** The library's limit for the exact distribution ({@code WilcoxonSignedRankTest.EXACT_LIMIT}). */
    public static final int EXACT_UP_TO = 1023;
    /** The most differences with tied magnitudes whose exact distribution is computed here. */
    public static final int EXACT_WITH_TIES_UP_TO = 200;

    private static final WilcoxonSignedRankTest EXACT = WilcoxonSignedRankTest.withDefaults().with(PValueMethod.EXACT);

    private SignedRank() {
    }

    /** The two-sided p-value; 1 when every difference is zero or there are none. */
    public static double pValue(double[] differences) {
        return pValue(differences, PValueMethod.EXACT);
    }

    /**
     * @param method {@link PValueMethod#EXACT} (falls back to the approximation where the library
     *               cannot be exact) or {@link PValueMethod#ASYMPTOTIC}
     */
    static double pValue(double[] differences, PValueMethod method) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0 && !Double.isNaN(d)).toArray();
        if (nonZero.length == 0) {
            return 1;
        }
        if (method == PValueMethod.EXACT && nonZero.length <= EXACT_WITH_TIES_UP_TO && hasTiedMagnitudes(nonZero)) {
            return exactWithTies(nonZero);
        }
        return EXACT.with(method).test(nonZero).getPValue();
    }

    private static boolean hasTiedMagnitudes(double[] nonZero) {
        double[] magnitudes = Arrays.stream(nonZero).map(Math::abs).sorted().toArray();
        for (int i = 1; i < magnitudes.length; i++) {
            if (magnitudes[i] == magnitudes[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wilcoxon's signed-rank test stratified by block (an instance of a replicated target): the
     * differences are ranked within their own block, and the statistic is the sum over blocks of the
     * positive differences' ranks. Under "no change on any instance" each block's signs are
     * independent fair coins whatever the blocks' own noise, so the null distribution is the
     * convolution of the blocks' own (exact, conditional on ties) distributions. Exact up to
     * {@value #EXACT_WITH_TIES_UP_TO} non-zero differences in all; beyond that the normal
     * approximation with the per-block tie-corrected variance and a continuity correction of half a
     * rank. One block is {@link #pValue(double[])}. Zero differences are dropped as there; no
     * differences at all give 1.
     *
     * @param blocks per block, its differences
     */
    public static double blockedPValue(List<double[]> blocks) {
        List<double[]> nonZero = blocks.stream()
                .map(b -> Arrays.stream(b).filter(d -> d != 0 && !Double.isNaN(d)).toArray())
                .filter(b -> b.length > 0).toList();
        if (nonZero.isEmpty()) {
            return 1;
        }
        if (nonZero.size() == 1) {
            return pValue(nonZero.get(0));
        }
        int n = nonZero.stream().mapToInt(b -> b.length).sum();
        return n <= EXACT_WITH_TIES_UP_TO ? exact(nonZero) : blockedNormal(nonZero);
    }

    /** The normal approximation of {@link #blockedPValue} for blocks of non-zero differences. */
    static double blockedNormal(List<double[]> nonZero) {
        double mean = 0;
        double variance = 0;
        double observed = 0;
        for (double[] b : nonZero) {
            int[] doubled = doubledRanks(b);
            int m = b.length;
            mean += m * (m + 1) / 4.0;
            variance += m * (m + 1.0) * (2 * m + 1) / 24;
            for (int i = 0; i < m; i++) {
                observed += b[i] > 0 ? doubled[i] / 2.0 : 0;
            }
            variance -= tieCorrection(b) / 48;
        }
        double z = Math.max(0, Math.abs(observed - mean) - 0.5) / Math.sqrt(variance);
        return Math.min(1, 2 * NormalDistribution.of(0, 1).survivalProbability(z));
    }

    /** Σ (t³ − t) over groups of t tied magnitudes. */
    private static double tieCorrection(double[] nonZero) {
        double[] magnitudes = Arrays.stream(nonZero).map(Math::abs).sorted().toArray();
        double correction = 0;
        for (int i = 0; i < magnitudes.length; ) {
            int j = i;
            while (j < magnitudes.length && magnitudes[j] == magnitudes[i]) {
                j++;
            }
            double t = j - i;
            correction += t * t * t - t;
            i = j;
        }
        return correction;
    }

    /**
     * Two-sided p of the exact conditional distribution: mid-ranks doubled to whole numbers, the
     * probability of each sum of positive ranks over the 2^n equally likely sign patterns built up
     * one difference at a time, then the probability of a sum at least as far from its mean as the
     * observed one.
     */
    static double exactWithTies(double[] nonZero) {
        return exact(List.of(nonZero));
    }

    /** {@link #exactWithTies} of the sum over blocks, each block ranked on its own. */
    static double exact(List<double[]> blocks) {
        int total = 0;
        int observed = 0;
        List<int[]> ranks = new ArrayList<>();
        for (double[] b : blocks) {
            int[] doubled = doubledRanks(b);
            ranks.add(doubled);
            total += b.length * (b.length + 1);
            for (int i = 0; i < b.length; i++) {
                if (b[i] > 0) {
                    observed += doubled[i];
                }
            }
        }
        double[] probability = new double[total + 1];
        probability[0] = 1;
        int reach = 0;
        for (int[] doubled : ranks) {
            for (int rank : doubled) {
                reach += rank;
                for (int sum = reach; sum >= 0; sum--) {
                    probability[sum] = 0.5 * (probability[sum] + (sum >= rank ? probability[sum - rank] : 0));
                }
            }
        }
        double mean = total / 2.0;
        double distance = Math.abs(observed - mean);
        double p = 0;
        for (int sum = 0; sum <= total; sum++) {
            if (Math.abs(sum - mean) >= distance - 1e-9) {
                p += probability[sum];
            }
        }
        return Math.min(1, p);
    }

    /** Per difference, twice its mid-rank among the magnitudes: whole numbers. */
    private static int[] doubledRanks(double[] nonZero) {
        int n = nonZero.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(nonZero[a]), Math.abs(nonZero[b])));
        int[] doubledRank = new int[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && Math.abs(nonZero[order[j]]) == Math.abs(nonZero[order[i]])) {
                j++;
            }
            // Positions i..j-1 (ranks i+1..j) share the mid-rank (i+1+j)/2, doubled: i+1+j.
            for (int k = i; k < j; k++) {
                doubledRank[order[k]] = i + 1 + j;
            }
            i = j;
        }
        return doubledRank;
    }
}
