package dev.cloudbench.core.history;

/**
 * How sure and how large a step must be before the detector reports it. Defaults (documented in
 * docs/statistics.md): {@value #DEFAULT_WINDOW} points each side, p ≤ {@value #DEFAULT_MAX_P_VALUE},
 * a change of at least {@value #DEFAULT_MIN_CHANGE} (2 %).
 *
 * @param window     at most this many points each side of a candidate enter its t-test, so that an
 *                   old level far back does not decide about a recent step; at least 2
 * @param maxPValue  a candidate is kept only when the two-sided Student's t-test across it gives a
 *                   p-value at or below this; in (0, 1]
 * @param minChange  and only when the means either side differ by at least this fraction of the
 *                   mean before it (0.02 = 2 %); at least 0
 */
public record ChangePointOptions(int window, double maxPValue, double minChange) {
    public static final int DEFAULT_WINDOW = 30;
    public static final double DEFAULT_MAX_P_VALUE = 0.001;
    public static final double DEFAULT_MIN_CHANGE = 0.02;
    public static final ChangePointOptions DEFAULT =
            new ChangePointOptions(DEFAULT_WINDOW, DEFAULT_MAX_P_VALUE, DEFAULT_MIN_CHANGE);

    /** @throws IllegalArgumentException when an option is out of its range */
    public ChangePointOptions {
        if (window < 2) {
            throw new IllegalArgumentException("window must be at least 2, not " + window);
        }
        if (!(maxPValue > 0 && maxPValue <= 1)) {
            throw new IllegalArgumentException("maximum p-value must be in (0, 1], not " + maxPValue);
        }
        if (!(minChange >= 0) || Double.isInfinite(minChange)) {
            throw new IllegalArgumentException("minimum change must be at least 0, not " + minChange);
        }
    }
}
