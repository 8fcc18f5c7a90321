package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a suite with variants is measured: in rounds, each running every variant of every benchmark
 * once (a few runs after warmup), in an order that changes per round. After {@code min} rounds the
 * paired statistics decide; while a comparison is inconclusive, another {@code min} rounds are
 * added, up to {@code max} rounds or {@code maxSeconds} of measuring, whichever comes first.
 *
 * @param min               rounds before the first verdict, and rounds added per step (default 10, at least 5)
 * @param max               the budget in rounds (default 30)
 * @param maxSeconds        optional budget in seconds of measuring, from the first round's start;
 *                          the script starts no round after it
 * @param order             {@code random} (default: a fresh seeded permutation per round and benchmark)
 *                          or {@code alternate} (the variants rotate by one position each round)
 * @param minEffectPercent  a significant change smaller than this is reported as no significant
 *                          change (default 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rounds(Integer min, Integer max, Integer maxSeconds, String order, Double minEffectPercent) {
    public static final int DEFAULT_MIN = 10;
    public static final int DEFAULT_MAX = 30;
    public static final int MIN_ROUNDS = 5;
    public static final int MAX_ROUNDS = 500;
    public static final String RANDOM = "random";
    public static final String ALTERNATE = "alternate";
    public static final double DEFAULT_MIN_EFFECT_PERCENT = 1.0;

    public static final Rounds DEFAULT = new Rounds(null, null, null, null, null);

    public int effectiveMin() {
        return min == null ? Math.min(DEFAULT_MIN, effectiveMaxIgnoringMin()) : min;
    }

    public int effectiveMax() {
        if (max != null) {
            return max;
        }
        return min == null ? DEFAULT_MAX : Math.max(DEFAULT_MAX, min);
    }

    private int effectiveMaxIgnoringMin() {
        return max == null ? DEFAULT_MAX : max;
    }

    public String effectiveOrder() {
        return order == null ? RANDOM : order;
    }

    /** The minimum effect as a fraction: 0.01 for 1 %. */
    public double minEffect() {
        return (minEffectPercent == null ? DEFAULT_MIN_EFFECT_PERCENT : minEffectPercent) / 100;
    }
}
