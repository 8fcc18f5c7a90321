package dev.cloudbench.core.stats;

import java.util.Comparator;
import java.util.Locale;

/**
 * One set of times against another: the ratio of their medians (above 1: more time, slower), its
 * bootstrap interval, and what that means.
 *
 * @param ratio    median(current) / median(reference)
 * @param interval bootstrap interval of the ratio, or null when a side has fewer than two times
 * @param verdict  the verdict under the rules used
 * @param reason   one line on why, for people
 */
public record Comparison(double ratio, Interval interval, Verdict verdict, String reason) {
    /** Regressions first, then unstable, faster, unchanged; larger changes first within a verdict. */
    public static final Comparator<Comparison> REGRESSIONS_FIRST = Comparator.comparing(Comparison::verdict)
            .thenComparing(c -> -Math.abs(c.changePercent()));

    /** The change in percent: +12.5 means 12.5 % more time. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    /** The same ratio and interval, not judged, for {@code why} (a noisy host). */
    public Comparison notJudged(String why) {
        if (verdict == Verdict.NOT_JUDGED) {
            return this;
        }
        return new Comparison(ratio, interval, Verdict.NOT_JUDGED, why + " (measured: " + verdict.label() + ")");
    }

    public static Comparison of(double[] current, double[] reference, Bootstrap bootstrap, VerdictRules rules) {
        double ratio = Quantiles.median(Quantiles.sorted(current)) / Quantiles.median(Quantiles.sorted(reference));
        return judge(ratio, bootstrap.ratioOfMedians(current, reference), current.length, reference.length, "runs",
                rules);
    }

    /**
     * The verdict on a ratio and its interval, however they were computed (over runs, or over
     * instances by {@link HierarchicalBootstrap}).
     *
     * @param current   units (runs, instances) on the current side
     * @param reference units on the reference side
     * @param unit      what they are, plural, for the reason
     * @param rules     {@code minRuns} counts those units
     */
    public static Comparison judge(double ratio, Interval interval, int current, int reference, String unit,
                                   VerdictRules rules) {
        if (current < rules.minRuns() || reference < rules.minRuns()) {
            return new Comparison(ratio, interval, Verdict.UNSTABLE, String.format(Locale.ROOT,
                    "too few %s to tell (%d and %d; at least %d each)", unit, current, reference, rules.minRuns()));
        }
        if (interval == null) {
            return new Comparison(ratio, null, Verdict.UNSTABLE, "no interval: a median of zero");
        }
        String noise = percent(rules.noise());
        if (interval.low() > 1) {
            return ratio - 1 < rules.noise()
                    ? new Comparison(ratio, interval, Verdict.NO_SIGNIFICANT_CHANGE, "slower by less than the " + noise + " noise threshold")
                    : new Comparison(ratio, interval, Verdict.SLOWER, "the whole interval is above 1");
        }
        if (interval.high() < 1) {
            return 1 - ratio < rules.noise()
                    ? new Comparison(ratio, interval, Verdict.NO_SIGNIFICANT_CHANGE, "faster by less than the " + noise + " noise threshold")
                    : new Comparison(ratio, interval, Verdict.FASTER, "the whole interval is below 1");
        }
        if (interval.low() < 1 / (1 + rules.resolution()) || interval.high() > 1 + rules.resolution()) {
            return new Comparison(ratio, interval, Verdict.UNSTABLE, "the interval includes 1 but reaches beyond ±"
                    + percent(rules.resolution()) + ": too noisy to tell");
        }
        return new Comparison(ratio, interval, Verdict.NO_SIGNIFICANT_CHANGE, "the interval includes 1 and stays within ±"
                + percent(rules.resolution()));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
