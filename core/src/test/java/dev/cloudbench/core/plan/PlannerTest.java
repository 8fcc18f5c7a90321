package dev.cloudbench.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Quantiles;
import dev.cloudbench.core.stats.SampleSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final PriceTable PRICES = new PriceTable("us-east-1", "2025-06", Map.of("c7i.large", 0.0893));

    private static final Suite PAIRED = new Suite("ab", null, null, List.of(), 1, 3, 300,
            List.of(Benchmark.of("hash", "sha256sum x"), Benchmark.of("zip", "gzip -c y")),
            List.of(Variant.named("base"), Variant.named("cand")), null);

    private static final Suite PLAIN = new Suite("plain", null, null, List.of(), 2, 10, 300,
            List.of(Benchmark.of("hash", "sha256sum x")));

    @Test
    void pairedSuite_getsTheRoundsOfTheSignedRankTest_atHolmsFirstLevel_andTheTimeOfThoseRounds() {
        TargetResult local = pairedTarget("local", 0.03, 0.02, 1.0);

        RunPlan plan = Planner.plan(PAIRED, 5, run("ab", local), List.of(), PRICES);

        assertThat(plan.design()).isEqualTo(RunPlan.Design.PAIRED_ROUNDS);
        assertThat(plan.comparisons()).as("2 benchmarks × 1 non-baseline variant").isEqualTo(2);
        RunPlan.TargetPlan t = plan.targets().get(0);
        int hash = SampleSize.pairedRounds(0.03, 0.05, 0.025, 0.9);
        int zip = Math.max(5, SampleSize.pairedRounds(0.02, 0.05, 0.025, 0.9));
        assertThat(t.rows()).extracting(RunPlan.Row::units).containsExactly(hash, zip);
        assertThat(t.rows()).extracting(RunPlan.Row::metric).containsOnly("wall-time");
        assertThat(t.rows()).extracting(RunPlan.Row::noiseSource).containsOnly("rounds");
        assertThat(t.units()).as("one rounds setting for the suite: the most any benchmark needs").isEqualTo(hash);
        assertThat(t.replicas()).isEqualTo(1);
        // A round: per benchmark, both variants' mean (0.1 s and 0.105 s; 0.2 and 0.21 s) × (1 warmup + 3 runs), plus
        // a hyperfine call each.
        double round = (0.1 + 0.105 + 0.2 + 0.21) * 4 + 4 * Planner.SECONDS_PER_HYPERFINE_CALL;
        assertThat(t.seconds()).isCloseTo(hash * round, within(1e-9));
        assertThat(t.cost()).as("this host is not billed").isNull();
        assertThat(t.costBasis()).contains("not billed");
        assertThat(plan.notes()).anyMatch(n -> n.contains("\"rounds\": {\"min\": " + hash + ", \"max\": " + hash + "}"));
    }

    @Test
    void anInstanceType_isPricedFromTheListPrice_withTheNoiseOfTheInstancesMeasured() {
        RunPlan plan = Planner.plan(PAIRED, 5, run("ab", pairedTarget("local", 0.03, 0.02, 1.0)),
                List.of(new Planner.PlanTarget(null, "c7i.large", false)), PRICES);

        RunPlan.TargetPlan t = plan.targets().get(0);
        assertThat(t.noiseFrom()).contains("not of this type");
        assertThat(t.cost()).isCloseTo(t.seconds() / 3600 * 0.0893, within(1e-12));
        assertThat(t.costBasis()).contains("c7i.large", "0.0893", "estimate");
    }

    @Test
    void roundNoiseAboveTheLimit_isUnstableAtAnyNumberOfRounds() {
        RunPlan plan = Planner.plan(PAIRED, 5, run("ab", pairedTarget("local", 0.24, 0.02, 1.0)), List.of(), PRICES);

        RunPlan.Row hash = plan.targets().get(0).rows().get(0);
        assertThat(hash.units()).isNull();
        assertThat(hash.note()).contains("above the 10 % limit", "unstable");
        assertThat(plan.targets().get(0).complete()).isFalse();
    }

    @Test
    void instancesThatDisagree_needReplicas() {
        // Three instances whose paired effects differ by several percent while each one's rounds agree.
        RunResults noise = run("ab", pairedTarget("a", 0.02, 0.02, 1.00), pairedTarget("b", 0.02, 0.02, 1.03),
                pairedTarget("c", 0.02, 0.02, 0.98));

        RunPlan plan = Planner.plan(PAIRED, 5, noise, List.of(), PRICES);

        RunPlan.Row hash = plan.targets().get(0).rows().get(0);
        // Between-instance spread ≈ 2.4 %: a 5 % change needs the mean effect of about 4 instances.
        assertThat(hash.replicas()).isBetween(2, Planner.MAX_REPLICAS - 1);
        assertThat(hash.note()).isNull();
        assertThat(plan.targets().get(0).replicas()).isEqualTo(hash.replicas());
    }

    @Test
    void plainSuite_getsRunsForTwoMedians_fromTheRunsSpread() {
        double[] times = new double[30];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.5 * Math.exp(0.04 * (rng.nextDouble() - 0.5) * 3.4);
        }
        TargetResult t = new TargetResult("t", "x86_64", "c7i.large", "spot", "succeeded", null, null,
                List.of(result("hash", null, times)), List.of(), null, null);

        RunPlan plan = Planner.plan(PLAIN, 2, run("plain", t), List.of(), PRICES);

        double spread = Quantiles.robustSpread(Arrays.stream(times).map(Math::log).toArray());
        int runs = SampleSize.unpairedRuns(spread, 0.02, 0.05, 0.9);
        RunPlan.TargetPlan p = plan.targets().get(0);
        assertThat(plan.design()).isEqualTo(RunPlan.Design.UNPAIRED_RUNS);
        assertThat(p.rows().get(0).units()).isEqualTo(runs);
        assertThat(p.seconds()).isCloseTo(Statistics.of(times).mean() * (runs + 2) + Planner.SECONDS_PER_HYPERFINE_CALL,
                within(1e-9));
        assertThat(p.cost()).isCloseTo(p.seconds() / 3600 * 0.0893, within(1e-12));
        assertThat(plan.notes()).anyMatch(n -> n.contains("instance-to-instance"));
    }

    @Test
    void badInput_isRefusedInOneLine() {
        RunResults noise = run("ab", pairedTarget("local", 0.03, 0.02, 1.0));
        assertThatThrownBy(() -> Planner.plan(PAIRED, 0, noise, List.of(), PRICES))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--detect");
        assertThatThrownBy(() -> Planner.plan(PAIRED, 100, noise, List.of(), PRICES))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--detect");
        assertThatThrownBy(() -> Planner.plan(PAIRED, 5, run("other", pairedTarget("local", 0.03, 0.02, 1.0)),
                List.of(), PRICES)).isInstanceOf(BadInputException.class).hasMessageContaining("suite 'other', not 'ab'");
        Suite renamed = new Suite("ab", null, null, List.of(), 1, 3, 300, List.of(Benchmark.of("sort", "sort z")));
        assertThatThrownBy(() -> Planner.plan(renamed, 5, noise, List.of(), PRICES)).as("no benchmark of the suite in it")
                .isInstanceOf(BadInputException.class).hasMessageContaining("no times");
    }

    @Test
    void between_subtractsWhatTheInstancesOwnNoiseExplains() {
        assertThat(Planner.between(List.of(1.0), List.of(0.0))).isZero();
        assertThat(Planner.between(List.of(0.0, 0.1), List.of(0.0, 0.0))).isCloseTo(Math.sqrt(0.005), within(1e-12));
        assertThat(Planner.between(List.of(0.0, 0.1), List.of(0.01, 0.01))).isZero();
    }

    /** One instance of the paired suite: "hash" with round noise {@code hashNoise} and "zip" with {@code zipNoise}. */
    private static TargetResult pairedTarget(String id, double hashNoise, double zipNoise, double hashRatio) {
        List<BenchmarkResult> results = new ArrayList<>();
        results.add(result("hash", "base", 0.1));
        results.add(result("hash", "cand", 0.105));
        results.add(result("zip", "base", 0.2));
        results.add(result("zip", "cand", 0.21));
        List<VariantComparison> comparisons = List.of(
                new VariantComparison("hash", Map.of(), "cand", "base", 12, hashRatio, null, 0.5, 0.5, 0.05, hashNoise,
                        "no-significant-change", "", false),
                new VariantComparison("zip", Map.of(), "cand", "base", 12, 1.0, null, 0.5, 0.5, 0.05, zipNoise,
                        "no-significant-change", "", false));
        Environment local = new Environment("x86_64", "local", "local", null, null, null, null, 2, null, null, null, null,
                null, null, null, null, null);
        return new TargetResult(id, "x86_64", "local", "on-demand", "succeeded", null, local, results, List.of(), null,
                null, null, comparisons);
    }

    private static BenchmarkResult result(String name, String variant, double mean) {
        double[] times = {mean * 0.99, mean, mean * 1.01};
        return result(name, variant, times);
    }

    private static BenchmarkResult result(String name, String variant, double[] times) {
        return new BenchmarkResult(name, name, Map.of(), times.length, Statistics.of(times), null, List.of(), times,
                List.of(), null, null, null, variant, null, null);
    }

    private static RunResults run(String suite, TargetResult... targets) {
        return new RunResults(RunResults.SCHEMA, suite + "-1", suite, "succeeded", "2026-01-01T00:00:00Z",
                List.of(targets));
    }
}
