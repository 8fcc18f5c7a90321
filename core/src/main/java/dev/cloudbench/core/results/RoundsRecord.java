package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * How the rounds of one target of a suite with variants went: {@code rounds.json} in the store,
 * written at every look, and the target's {@code rounds} in results.json.
 *
 * @param variants       the variants' names in suite order; the first is the baseline
 * @param order          {@code random} or {@code alternate}
 * @param seed           seed of the random orders
 * @param min            rounds per step
 * @param max            the round budget
 * @param maxSeconds     the time budget, or null
 * @param minEffectPercent the minimum effect of the verdicts, percent
 * @param completed      rounds measured when the record was written
 * @param looks          rounds measured at each look the statistics took, ascending
 * @param stoppedBecause why no more rounds were added ({@link #SETTLED}, {@link #ROUND_BUDGET},
 *                       {@link #TIME_BUDGET}, {@link #SUITE_TIMEOUT}); null while rounds were still
 *                       to come — a target that failed then was stopped by its failure
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoundsRecord(List<String> variants, String order, long seed, int min, int max, Integer maxSeconds,
                           double minEffectPercent, int completed, List<Integer> looks, String stoppedBecause) {
    /** Every comparison was settled at the last look. */
    public static final String SETTLED = "settled";
    /** The round budget was used. */
    public static final String ROUND_BUDGET = "round-budget";
    /** The time budget was used: the script started no further round. */
    public static final String TIME_BUDGET = "time-budget";
    /** The suite's timeout left no time for another command. */
    public static final String SUITE_TIMEOUT = "suite-timeout";

    public RoundsRecord {
        variants = variants == null ? List.of() : List.copyOf(variants);
        looks = looks == null ? List.of() : List.copyOf(looks);
    }

    /** The same record after another look at {@code rounds} rounds; {@code stopped} null while rounds are to come. */
    public RoundsRecord withLook(int rounds, String stopped) {
        List<Integer> newLooks = new ArrayList<>(looks);
        if (newLooks.isEmpty() || newLooks.get(newLooks.size() - 1) < rounds) {
            newLooks.add(rounds);
        }
        return new RoundsRecord(variants, order, seed, min, max, maxSeconds, minEffectPercent, rounds, newLooks, stopped);
    }

    /** True when the last look decided with the whole remaining α: no look could follow it. */
    public boolean lastLookWasFinal() {
        return !SETTLED.equals(stoppedBecause);
    }

    /** Why the rounds stopped, for people. */
    public String stoppedReason() {
        if (stoppedBecause == null) {
            return "the target stopped before its rounds were done";
        }
        return switch (stoppedBecause) {
            case SETTLED -> "every comparison was settled";
            case ROUND_BUDGET -> "the budget of " + max + " rounds was used";
            case TIME_BUDGET -> "the time budget of " + maxSeconds + " s was used";
            case SUITE_TIMEOUT -> "the suite's timeout left no time for more rounds";
            default -> stoppedBecause;
        };
    }
}
