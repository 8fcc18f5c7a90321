package dev.cloudbench.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.rounds.RoundPlan;
import dev.cloudbench.core.rounds.RoundsDecision;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.testing.RoundExportsFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Instruction counts through Publish Report: the counts files beside the exports become results of
 * metric {@code instructions}, compared by the same paired rules as the times, and the reports show both.
 */
class ReportServiceInstructionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStore store = new InMemoryStore();
    private final ReportService service = new ReportService(store, CLOCK);

    private static final RunRequest ROUNDS = InputReader.request("""
            {"runId":"i-1","suite":{"name":"ab","runs":3,"metrics":["wall-time","instructions"],
              "benchmarks":[{"name":"hash","command":"sha256sum $F"}],
              "variants":[{"name":"base","env":{"F":"a"}},{"name":"same","env":{"F":"a"}},{"name":"more","env":{"F":"b"}}],
              "rounds":{"min":10,"max":10}},
             "targets":[{"id":"x86","architecture":"x86_64","instanceType":"c7i.large"}]}""");

    /** Counts files of every round: {@code count} per run, {@code extra} added for variant "more". */
    private void writeCounts(Suite suite, long count, long extra) {
        RoundPlan plan = RoundPlan.of(suite, "i-1", "x86");
        for (int round = 1; round <= 10; round++) {
            List<Integer> order = plan.order(round, 0);
            for (int position = 0; position < order.size(); position++) {
                String variant = suite.variants().get(order.get(position)).name();
                long c = count + (variant.equals("more") ? extra : 0) + round % 3;
                String json = "{\"counter\":\"callgrind\",\"results\":[{\"command\":\"sha256sum $F\",\"parameters\":{},"
                        + "\"times\":[" + c + "," + (c + 1) + "," + c + "]}]}";
                store.put(StoreLayout.roundsPrefix("i-1", "x86", "hash") + "instructions/"
                        + StoreLayout.roundExportName(round, position + 1, variant), json.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void countsOfEveryRound_getPairedVerdictsOfTheirOwn_besideTheTimes_andTheReportsShowBoth() {
        Suite suite = ROUNDS.suite();
        store.put(StoreLayout.request("i-1"), Json.writePretty(ROUNDS));
        // Times: "more" 30 % slower, but so noisy that the times cannot tell; counts: 2 % more, exactly.
        RoundExportsFixture.write(store, suite, "i-1", "x86", 1, 10, Map.of("more", 1.3), 1.9, 3);
        writeCounts(suite, 100_000_000L, 2_000_000L);
        RoundsRecord first = RoundsDecision.firstRecord(RoundPlan.of(suite, "i-1", "x86"),
                List.of("base", "same", "more"), VariantAnalysis.rules(suite));
        store.put(StoreLayout.rounds("i-1", "x86"), Json.writePretty(first.withLook(10, RoundsRecord.ROUND_BUDGET)));

        service.publish(new ReportRequest("i-1", List.of(new TargetOutcome("x86", TargetOutcome.SUCCEEDED, null,
                List.of("i-1")))));

        TargetResult x86 = Json.read(store.get(StoreLayout.results("i-1")).orElseThrow(), RunResults.class).targets().get(0);
        assertThat(x86.benchmarks()).extracting(BenchmarkResult::metric).containsExactly(null, null, null,
                "instructions", "instructions", "instructions");
        BenchmarkResult counts = x86.benchmarks().get(3);
        assertThat(counts.times()).hasSize(30);
        assertThat(counts.rawExport()).isEqualTo("runs/i-1/targets/x86/raw/hash/instructions/");
        assertThat(counts.warnings()).isEmpty();
        assertThat(x86.variantComparisons()).extracting(VariantComparison::metric, VariantComparison::variant)
                .containsExactlyInAnyOrder(tuple(null, "same"),
                        tuple(null, "more"),
                        tuple("instructions", "same"),
                        tuple("instructions", "more"));
        VariantComparison more = comparison(x86, "instructions", "more");
        assertThat(more.verdict()).as(more.reason()).isEqualTo("slower");
        assertThat(more.ratio()).isCloseTo(1.02, offset(0.0001));
        assertThat(comparison(x86, "instructions", "same").verdict()).isEqualTo("no-significant-change");
        assertThat(comparison(x86, null, "more").verdict()).isNotEqualTo("slower");

        String md = new String(store.get(StoreLayout.reportMarkdown("i-1")).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(md).contains("hash \\[instructions\\]", "M instr", "▲ slower");
        String html = new String(store.get(StoreLayout.reportHtml("i-1")).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(html).contains("hash [instructions]", "Raw counts of hash · base [instructions]");
    }

    private static VariantComparison comparison(TargetResult t, String metric, String variant) {
        return t.variantComparisons().stream()
                .filter(c -> Objects.equals(metric, c.metric()) && c.variant().equals(variant))
                .findFirst().orElseThrow();
    }
}
