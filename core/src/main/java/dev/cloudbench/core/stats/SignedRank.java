package dev.cloudbench.core.stats;

import java.util.Arrays;

/**
 * Wilcoxon's signed-rank test that paired differences are centred on zero, two-sided. Zero
 * differences are dropped (Wilcoxon's convention); tied magnitudes share their mid-rank. Up to
 * {@value #EXACT_UP_TO} differences the p-value is exact — the distribution of the rank sum over all
 * 2^n sign assignments, conditional on the ties — so it needs no random numbers; above, the normal
 * approximation with the tie-corrected variance.
 */
public final class SignedRank {
    /** Exact distribution up to this many non-zero differences (O(n³) work: ~10 ms at 200). */
    public static final int EXACT_UP_TO = 200;

    private SignedRank() {
    }

    /** The two-sided p-value; 1 when every difference is zero or there are none. */
    public static double pValue(double[] differences) {
        return pValue(differences, null);
    }

    /** @param exact force the exact distribution (true) or the normal approximation (false); null chooses */
    static double pValue(double[] differences, Boolean exact) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0 && !Double.isNaN(d)).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1;
        }
        int[] doubledRanks = doubledMidRanks(nonZero);
        long observed = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            total += doubledRanks[i];
            if (nonZero[i] > 0) {
                observed += doubledRanks[i];
            }
        }
        boolean useExact = exact == null ? n <= EXACT_UP_TO : exact;
        double p = useExact ? exact(doubledRanks, observed, total) : normal(doubledRanks, observed, total);
        return Math.min(1, p);
    }

    /** Mid-ranks of |d|, doubled so that they are whole numbers even with ties. */
    static int[] doubledMidRanks(double[] d) {
        int n = d.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(d[a]), Math.abs(d[b])));
        int[] ranks = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Math.abs(d[order[j + 1]]) == Math.abs(d[order[i]])) {
                j++;
            }
            int doubledMid = i + j + 2; // (i+1 + j+1), the mean rank doubled
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = doubledMid;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double exact(int[] ranks, long observed, long total) {
        double[] probability = new double[(int) total + 1];
        probability[0] = 1;
        long reach = 0;
        for (int r : ranks) {
            reach += r;
            for (int s = (int) reach; s >= 0; s--) {
                double without = probability[s] * 0.5;
                double with = s >= r ? probability[s - r] * 0.5 : 0;
                probability[s] = without + with;
            }
        }
        double lower = 0;
        double upper = 0;
        for (int s = 0; s <= total; s++) {
            if (s <= observed) {
                lower += probability[s];
            }
            if (s >= observed) {
                upper += probability[s];
            }
        }
        return 2 * Math.min(lower, upper);
    }

    private static double normal(int[] ranks, long observed, long total) {
        double mean = total / 2.0;
        double variance = 0;
        for (int r : ranks) {
            variance += (double) r * r / 4;
        }
        // Continuity correction of half a rank: one in doubled units.
        double z = (Math.abs(observed - mean) - 1) / Math.sqrt(variance);
        return 2 * upperNormalTail(Math.max(0, z));
    }

    /** P(Z > z) for a standard normal Z (Abramowitz and Stegun 7.1.26 via erfc; error below 1.5e-7). */
    static double upperNormalTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return 0.5 * poly * Math.exp(-x * x);
    }
}
