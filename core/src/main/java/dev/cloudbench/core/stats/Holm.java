package dev.cloudbench.core.stats;

import java.util.Arrays;

/**
 * Holm's step-down correction for a family of tests: it keeps the chance of any false positive in
 * the family at the chosen level, whatever the dependence between the tests, and is uniformly more
 * powerful than Bonferroni.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * Adjusted p-values in the order given: compare each with the family's level. The i-th smallest
     * p-value is multiplied by (m − i + 1), made monotone, and capped at 1.
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(pValues[a], pValues[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
