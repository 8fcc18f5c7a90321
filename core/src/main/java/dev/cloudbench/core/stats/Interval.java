package dev.cloudbench.core.stats;

/**
 * A confidence interval.
 *
 * @param low   lower bound
 * @param high  upper bound, at least {@code low}
 * @param level confidence level, e.g. 0.95
 */
public record Interval(double low, double high, double level) {

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval low " + low + " above high " + high);
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** The same interval with both bounds multiplied by a positive factor. */
    public Interval times(double factor) {
        return new Interval(low * factor, high * factor, level);
    }
}
