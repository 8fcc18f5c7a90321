package dev.cloudbench.core.testing;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.rounds.RoundPlan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Writes the round exports a suite with variants would leave in the store: per round, benchmark
 * and variant, in the plan's order, synthetic times from a machine whose speed drifts per round.
 */
public final class RoundExportsFixture {
    private RoundExportsFixture() {
    }

    /**
     * @param ratios each variant's time relative to the baseline (missing: 1)
     * @param noise  relative noise of each run
     */
    public static void write(ResultStorePort store, Suite suite, String runId, String targetId, int from, int to,
                             Map<String, Double> ratios, double noise, long seed) {
        RoundPlan plan = RoundPlan.of(suite, runId, targetId);
        SplittableRandom rng = new SplittableRandom(seed + from);
        for (int round = from; round <= to; round++) {
            double drift = 1 + 0.05 * (rng.nextDouble() - 0.5);
            for (int b = 0; b < suite.benchmarks().size(); b++) {
                String benchmark = suite.benchmarks().get(b).name();
                List<Integer> order = plan.order(round, b);
                for (int position = 0; position < order.size(); position++) {
                    String variant = suite.variants().get(order.get(position)).name();
                    double ratio = ratios.getOrDefault(variant, 1.0);
                    int runs = suite.runsOf(suite.benchmarks().get(b));
                    String times = IntStream.range(0, runs)
                            .mapToObj(i -> String.format(Locale.ROOT, "%.6f",
                                    0.05 * drift * ratio * (1 + noise * (rng.nextDouble() - 0.5))))
                            .collect(Collectors.joining(","));
                    String zeros = IntStream.range(0, runs).mapToObj(i -> "0").collect(Collectors.joining(","));
                    String json = "{\"results\":[{\"command\":\"" + benchmark + "\",\"times\":[" + times + "],\"exit_codes\":["
                            + zeros + "],\"user\":0.04,\"system\":0.01}]}";
                    store.put(StoreLayout.roundExport(runId, targetId, benchmark, round, position + 1, variant),
                            json.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }
}
