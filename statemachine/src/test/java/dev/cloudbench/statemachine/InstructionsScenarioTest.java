package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite with variants and {@code "metrics": ["wall-time", "instructions"]} through the state machine
 * on this host: every hyperfine call is followed by a counting pass (perf's instructions:u where the
 * host exposes it, else callgrind), and the counts get paired verdicts of their own. The workload is
 * an awk loop whose iterations the variant sets: the same count for "same", twice as many for
 * "double" — a difference in instructions that wall time on a busy 2-core host may or may not see.
 */
class InstructionsScenarioTest {
    @TempDir
    Path output;

    @Test
    void instructionCounts_getPairedVerdicts_slowerForTheHeavierVariant_noChangeForAnIdenticalOne() throws IOException {
        // Eight rounds, one look (min = max): identical log-ratios in all eight give the signed-rank test's
        // smallest p, 2/2^8 = 0.0078, still under 0.05 after Holm over the four comparisons (two variants,
        // two metrics). Fewer rounds could not be significant; each round counts 3 × 2 runs under the counter.
        Scenario scenario = new Scenario(output);
        LocalRun.Outcome outcome = scenario.run("""
                {"name":"instr","warmup":0,"runs":2,"metrics":["wall-time","instructions"],
                 "benchmarks":[{"name":"loop","command":"awk -v n=\\"$N\\" 'BEGIN { s = 0; for (i = 0; i < n; i++) s += i; print s }'"}],
                 "variants":[{"name":"base","env":{"N":"50000"}},{"name":"same","env":{"N":"50000"}},
                             {"name":"double","env":{"N":"100000"}}],
                 "rounds":{"min":8,"max":8}}""");

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        TargetResult target = outcome.results().orElseThrow().targets().get(0);
        assertThat(target.environment().instructionCounter()).isIn("perf", "callgrind");

        List<BenchmarkResult> counts = target.benchmarks().stream().filter(b -> "instructions".equals(b.metric())).toList();
        assertThat(counts).extracting(BenchmarkResult::variant).containsExactly("base", "same", "double");
        assertThat(counts).allSatisfy(b -> {
            assertThat(b.times()).hasSize(16);
            assertThat(b.rounds()).containsOnly(1, 2, 3, 4, 5, 6, 7, 8);
            assertThat(b.statistics().median()).isGreaterThan(1e5);
            assertThat(b.warnings()).isEmpty();
        });

        VariantComparison same = comparison(target, "same");
        VariantComparison heavier = comparison(target, "double");
        assertThat(same.verdict()).as(same.reason() + "; ratio " + same.ratio()).isEqualTo("no-significant-change");
        assertThat(same.ratio()).isBetween(0.99, 1.01);
        assertThat(heavier.verdict()).as(heavier.reason() + "; ratio " + heavier.ratio()).isEqualTo("slower");
        // The loop is most of the work (awk's and sh's start-up is the rest): twice the loop, well over 1.3×.
        assertThat(heavier.ratio()).isBetween(1.3, 2.1);
        // Wall time is compared too, by the same rules, whatever this host's noise makes of it.
        assertThat(target.variantComparisons()).filteredOn(c -> c.metric() == null).hasSize(2);

        Path raw = outcome.runDir().resolve("targets/local/raw/loop/instructions");
        try (Stream<Path> files = Files.list(raw)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(24).allMatch(n -> n.matches("round-[1-8]-[123]-(base|same|double)\\.json"));
        }
        assertThat(outcome.runDir().resolve("report.md")).content()
                .contains("| loop \\[instructions\\] | double vs base |", " M instr | ", "▲ slower");
        assertThat(outcome.strays()).isEmpty();
        assertThat(Scenario.workDirsLeft(outcome.hostsRoot())).isFalse();
    }

    private static VariantComparison comparison(TargetResult target, String variant) {
        return target.variantComparisons().stream()
                .filter(c -> "instructions".equals(c.metric()) && c.variant().equals(variant)).findFirst().orElseThrow();
    }
}
