package dev.cloudbench.core.rounds;

import dev.cloudbench.core.model.Rounds;
import dev.cloudbench.core.model.Suite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The rounds of one target of a suite with variants: when the statistics look (after {@code min}
 * rounds, then every {@code min} more, up to {@code max}), and the order of the variants in each
 * round. Orders are derived from a seed, so a retried command runs the same order and the
 * results can always be checked against it; the order actually run is recorded with every time.
 *
 * @param min        rounds per step
 * @param max        the round budget
 * @param maxSeconds the time budget of measuring, or null
 * @param order      {@link Rounds#RANDOM} or {@link Rounds#ALTERNATE}
 * @param seed       seeds the random orders
 * @param variants   how many variants each round runs
 */
public record RoundPlan(int min, int max, Integer maxSeconds, String order, long seed, int variants) {

    public static RoundPlan of(Suite suite, String runId, String targetId) {
        Rounds r = suite.effectiveRounds();
        return new RoundPlan(r.effectiveMin(), r.effectiveMax(), r.maxSeconds(), r.effectiveOrder(),
                seed(runId + "/" + targetId), suite.variants().size());
    }

    /** The last round of the first command. */
    public int firstLook() {
        return Math.min(min, max);
    }

    /** The last round of the command after {@code completed} rounds; {@code completed} when the budget is used. */
    public int nextLook(int completed) {
        return Math.min(max, completed + min);
    }

    /**
     * The variants of {@code round} (from 1) for the benchmark at {@code benchmarkIndex}, as indices into
     * the suite's variants in the order they run. Random orders are drawn per round and benchmark,
     * so that no variant keeps a position across benchmarks either.
     */
    public List<Integer> order(int round, int benchmarkIndex) {
        List<Integer> order = new ArrayList<>(variants);
        if (Rounds.ALTERNATE.equals(this.order)) {
            for (int position = 0; position < variants; position++) {
                order.add((position + round - 1) % variants);
            }
            return order;
        }
        for (int i = 0; i < variants; i++) {
            order.add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed ^ (round * 0x9E3779B97F4A7C15L)
                ^ ((benchmarkIndex + 1L) * 0xC2B2AE3D27D4EB4FL));
        for (int i = variants - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer swap = order.get(i);
            order.set(i, order.get(j));
            order.set(j, swap);
        }
        return order;
    }

    /** FNV-1a, 64 bits: a seed that depends only on the text, on every JVM. */
    static long seed(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
