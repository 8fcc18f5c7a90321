package dev.cloudbench.core.stats;

import java.util.Arrays;
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
 * magnitudes. With tied magnitudes, or above that, it is the normal approximation with the
 * tie-corrected variance and a continuity correction of half a rank.
 */
public final class SignedRank {
    /** The library's limit for the exact distribution ({@code WilcoxonSignedRankTest.EXACT_LIMIT}). */
    public static final int EXACT_UP_TO = 1023;

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
        return EXACT.with(method).test(nonZero).getPValue();
    }
}
