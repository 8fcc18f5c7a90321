package dev.cloudbench.core.testing;

import dev.cloudbench.core.cost.Costs;
import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Results as tests need them: synthetic times, machines with prices, failed targets. */
public final class Fixtures {
    public static final String LAUNCHED = "2026-01-01T10:00:00Z";
    public static final String STARTED = "2026-01-01T10:01:00Z";
    public static final String FINISHED = "2026-01-01T10:11:00Z";

    private Fixtures() {
    }

    /** A hyperfine export from {@code src/test/resources/hyperfine}, as hyperfine wrote it. */
    public static byte[] hyperfineExport(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/hyperfine/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static BenchmarkResult benchmark(String name, double[] times) {
        return benchmark(name, times, times.length, Map.of());
    }

    public static BenchmarkResult benchmark(String name, double[] times, Integer runsRequested,
                                            Map<String, String> parameters) {
        List<Integer> exitCodes = Collections.nCopies(times.length, 0);
        return BenchmarkResult.of(name, new HyperfineExport.Entry("./" + name, times, exitCodes, null, null, parameters),
                runsRequested, "runs/r/targets/t/raw/" + name + ".json", Bootstrap.standard());
    }

    /** A machine bought in {@code market}, ten minutes from launch to results, with an optional recorded price. */
    public static Environment environment(String architecture, String instanceType, String market, Double price) {
        return new Environment(architecture, instanceType, market, "us-east-1a", "i-0123456789abcdef0", "ami-0abc",
                "Test CPU @ 3.0GHz", 2, "Linux 6.1.0", "Amazon Linux 2023", "1.18.0", "abc1234", LAUNCHED, price,
                price == null ? null : "spot price at launch", STARTED, FINISHED);
    }

    public static TargetResult target(String id, String architecture, String instanceType, String market, Double price,
                                      BenchmarkResult... benchmarks) {
        Environment e = environment(architecture, instanceType, market, price);
        return new TargetResult(id, architecture, instanceType, market, "succeeded", null, e, Arrays.asList(benchmarks),
                List.of(), Costs.of(e, instanceType, market, PriceTable.bundled()), null);
    }

    public static TargetResult failed(String id, String state, String message, BenchmarkResult... measuredBefore) {
        Environment e = environment("arm64", "c7g.large", "spot", 0.03);
        return new TargetResult(id, "arm64", "c7g.large", "spot", "failed",
                new TargetError("dev.cloudbench.core.error.BenchmarkFailedException", message, state), e,
                Arrays.asList(measuredBefore), List.of("unmeasured"), Costs.of(e, "c7g.large", "spot", PriceTable.bundled()),
                null);
    }

    public static RunResults run(String runId, TargetResult... targets) {
        String status = Arrays.stream(targets).allMatch(TargetResult::succeeded) ? "succeeded" : "failed";
        return new RunResults(RunResults.SCHEMA, runId, "suite-a", status, "2026-01-01T10:12:00Z", Arrays.asList(targets));
    }

    /** A variant's result measured one run per round: {@code times[i]} in round i + 1. */
    public static BenchmarkResult variant(String name, String variant, double[] times) {
        int[] rounds = java.util.stream.IntStream.rangeClosed(1, times.length).toArray();
        return new BenchmarkResult(name, "./" + name, Map.of(), 1, dev.cloudbench.core.results.Statistics.of(times),
                null, List.of(), times, List.of(), null, null, "runs/r/targets/t/raw/" + name + "/", variant, rounds,
                new int[times.length]);
    }

    /** Replica {@code k} of target {@code of} ({@code of-rk}), on c7g.large. */
    public static TargetResult replica(String of, int k, BenchmarkResult... benchmarks) {
        return target(of + "-r" + k, "arm64", "c7g.large", "spot", 0.03, benchmarks).asReplica(of, k);
    }
}
