package dev.cloudbench.cli.command;

import dev.cloudbench.core.history.HistoryStore;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Interval;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Nights of a suite "nightly" published into a store's history: two benchmarks on two targets. */
final class HistoryFixtures {
    static final Suite SUITE = new Suite("nightly", null, new Repository("https://example.com/app.git", "main"),
            List.of(), 1, 10, 300, List.of(Benchmark.of("parse", "parse"), Benchmark.of("render", "render")));

    private HistoryFixtures() {
    }

    static String runId(int night) {
        return String.format(Locale.ROOT, "nightly-202603%02dT020000Z", night);
    }

    static String commit(int night) {
        return String.format(Locale.ROOT, "%07x%033d", 0xabc0000 + night * 4099, 0);
    }

    /**
     * Nights 1..{@code nights}: parse takes 120 ms on arm64 and 100 ms on x86_64 until night
     * {@code stepAt}, then 8 % longer; render stays at 40 ms. Noise 0.4 %, seeded.
     */
    static void publish(ResultStorePort store, int nights, int stepAt) {
        Random random = new Random(18);
        HistoryStore history = new HistoryStore(store);
        for (int n = 1; n <= nights; n++) {
            String started = String.format(Locale.ROOT, "2026-03-%02dT02:01:00Z", n);
            List<TargetResult> targets = List.of(
                    target("c7g.large-arm64", "arm64", "c7g.large", n, started, random, 0.120 * (n >= stepAt ? 1.08 : 1)),
                    target("c7i.large-x86_64", "x86_64", "c7i.large", n, started, random, 0.100 * (n >= stepAt ? 1.08 : 1)));
            RunRequest request = new RunRequest(runId(n), SUITE, List.of(new Target("c7g.large-arm64", "arm64",
                    "c7g.large", "spot", null), new Target("c7i.large-x86_64", "x86_64", "c7i.large", "spot", null)), null);
            history.append(request, new RunResults(RunResults.SCHEMA, runId(n), "nightly", "succeeded", started, targets));
        }
    }

    private static TargetResult target(String id, String arch, String type, int night, String started, Random random,
                                       double parse) {
        Environment env = new Environment(arch, type, "spot", null, null, null, null, 2, null, null, null, commit(night),
                null, null, null, started, started);
        return new TargetResult(id, arch, type, "spot", "succeeded", null, env,
                List.of(result("parse", parse * (1 + 0.004 * random.nextGaussian())),
                    result("render", 0.040 * (1 + 0.004 * random.nextGaussian()))), List.of(), null, null);
    }

    private static BenchmarkResult result(String name, double median) {
        double[] times = {median * 0.99, median, median * 1.01};
        return new BenchmarkResult(name, name, null, 3, Statistics.of(times),
                new Interval(median * 0.995, median * 1.005, 0.95), null, times, null, null, null, null);
    }
}
