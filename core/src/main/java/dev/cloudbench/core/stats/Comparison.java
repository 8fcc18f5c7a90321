package dev.cloudbench.core.stats;

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
        Interval interval = bootstrap.ratioOfMedians(current, reference);
        if (current.length < rules.minRuns() || reference.length < rules.minRuns()) {
            return new Comparison(ratio, interval, Verdict.UNSTABLE, String.format(Locale.ROOT,
                    "too few runs to tell (%d and %d; at least %d each)", current.length, reference.length,
                    rules.minRuns()));
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
