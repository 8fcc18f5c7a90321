package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite with two variants through the state machine on this host: the first command prepares and
 * measures the first rounds, "Collect Results" finds the comparison unsettled and "More Rounds?"
 * loops back to "Start Benchmark" for the next rounds on the same instance.
 */
class VariantsScenarioTest {
    @TempDir
    Path output;

    @Test
    void twoVariants_runInInterleavedRounds_addRoundsWhileUnsettled_andGetAPairedVerdict() throws IOException {
        // Five rounds cannot be significant at the first look (the signed-rank test of 5 rounds cannot go
        // below p = 0.0625), so the first look asks for more; the second uses the whole budget of 10.
        // Naps of 0.2 and 0.4 s, not 0.05 and 0.1: on a loaded host the scheduler's jitter of tens of
        // milliseconds made the shorter rounds disagree by more than 10 %, and an unstable first look
        // settles (stops) instead of asking for more rounds.
        Scenario scenario = new Scenario(output);
        LocalRun.Outcome outcome = scenario.run("""
                {"name":"ab","warmup":0,"runs":2,"setup":["printf 'ok' > marker.txt"],
                 "benchmarks":[{"name":"nap","command":"test -f marker.txt && sleep \\"$NAP\\""}],
                 "variants":[{"name":"short","env":{"NAP":"0.2"}},{"name":"long","env":{"NAP":"0.4"}}],
                 "rounds":{"min":5,"max":10},"canary":{"excludeNoisy":false}}""");

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(scenario.statesEntered()).containsSubsequence("Start Benchmark", "Collect Results", "More Rounds?",
                "Start Benchmark", "Collect Results", "More Rounds?", "Terminate Instance", "Publish Report");
        assertThat(scenario.statesEntered().stream().filter("Start Benchmark"::equals)).hasSize(2);

        TargetResult target = outcome.results().orElseThrow().targets().get(0);
        assertThat(target.benchmarks()).extracting(BenchmarkResult::variant).containsExactly("short", "long");
        assertThat(target.benchmarks()).allSatisfy(b -> {
            assertThat(b.times()).hasSize(20);
            assertThat(b.rounds()).containsOnly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        });
        RoundsRecord rounds = target.rounds();
        assertThat(rounds.looks()).containsExactly(5, 10);
        assertThat(rounds.stoppedBecause()).isEqualTo(RoundsRecord.ROUND_BUDGET);
        VariantComparison c = target.variantComparisons().get(0);
        assertThat(c.variant()).isEqualTo("long");
        assertThat(c.rounds()).isEqualTo(10);
        assertThat(c.ratio()).isBetween(1.3, 2.5);
        assertThat(c.verdict()).as(c.reason() + "; ratio " + c.ratio() + ", noise " + c.noise()).isEqualTo("slower");

        // The canary ran around the rounds; this shared host may well be noisy, so the suite keeps noisy hosts in
        // its verdicts (the verdict is what this test is about).
        assertThat(target.environment().canary().parts()).hasSize(2);
        assertThat(target.environment().canary().leftOut()).isFalse();
        assertThat(outcome.runDir().resolve("targets/local/raw/canary/before.json")).exists();
        assertThat(outcome.runDir().resolve("targets/local/raw/canary/after.json")).exists();

        Path raw = outcome.runDir().resolve("targets/local/raw/nap");
        try (Stream<Path> files = Files.list(raw)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(20).allMatch(n -> n.matches("round-([1-9]|10)-[12]-(short|long)\\.json"));
        }
        assertThat(outcome.runDir().resolve("report.md")).content()
                .contains("## Variants compared in interleaved rounds", "| local | nap | long vs short |", "▲ slower");
        assertThat(output.resolve("logs/" + outcome.runId() + "/local/round-6/stdout.txt")).exists();
        assertThat(outcome.strays()).isEmpty();
        assertThat(Scenario.workDirsLeft(outcome.hostsRoot())).isFalse();
    }
}
