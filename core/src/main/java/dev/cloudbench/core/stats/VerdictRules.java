package dev.cloudbench.core.stats;

/**
 * When a ratio of medians counts as a change. Documented in docs/statistics.md.
 *
 * @param minRuns    fewer times than this on either side: {@link Verdict#UNSTABLE}
 * @param noise      a significant change smaller than this fraction is still
 *                   {@link Verdict#NO_SIGNIFICANT_CHANGE} (timer and scheduler noise)
 * @param resolution an interval that includes 1 but reaches further than this fraction either
 *                   way cannot rule out a real change: {@link Verdict#UNSTABLE}
 */
public record VerdictRules(int minRuns, double noise, double resolution) {
    public static final VerdictRules DEFAULT = new VerdictRules(5, 0.01, 0.10);
}
