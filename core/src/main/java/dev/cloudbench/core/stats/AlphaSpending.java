package dev.cloudbench.core.stats;

import java.util.List;

/**
 * How much of the false-positive budget α a look at the data may spend when rounds are added while
 * the verdict is inconclusive. Looking again and again at growing data with the full α each time
 * would find a difference between identical variants far more often than α; instead the cumulative
 * α spent by the time a fraction t of the round budget is measured is α·t^ρ (a power spending
 * function; ρ = 2 keeps early looks strict, so that only clear changes stop a run early, yet lets the
 * first look of the default budget — 10 of 30 rounds — reject at all: the signed-rank test of 10
 * rounds cannot go below p = 0.002, which ρ = 3 would ask of it). Each look
 * tests at what the function allows beyond the earlier looks; by the union bound the chance of any
 * false positive over all looks stays at most α.
 *
 * <p>The last look — when the budget of rounds or time is used up, or the target stopped — spends
 * everything the earlier looks left, since no look follows it.
 */
public final class AlphaSpending {
    public static final double DEFAULT_EXPONENT = 2;

    private AlphaSpending() {
    }

    /**
     * @param alpha        the whole budget, e.g. 0.05
     * @param exponent     ρ of α·t^ρ
     * @param earlierLooks rounds measured at each earlier look, ascending
     * @param rounds       rounds measured at this look
     * @param maxRounds    the round budget
     * @param last         true when no look follows this one
     * @return the level this look tests at
     */
    public static double levelAt(double alpha, double exponent, List<Integer> earlierLooks, int rounds, int maxRounds,
                                 boolean last) {
        double spent = earlierLooks.isEmpty() ? 0
                : cumulative(alpha, exponent, earlierLooks.get(earlierLooks.size() - 1), maxRounds);
        double upTo = last ? alpha : cumulative(alpha, exponent, rounds, maxRounds);
        return Math.max(0, upTo - spent);
    }

    private static double cumulative(double alpha, double exponent, int rounds, int maxRounds) {
        double t = Math.min(1, (double) rounds / maxRounds);
        return alpha * Math.pow(t, exponent);
    }
}
