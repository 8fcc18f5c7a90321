package dev.cloudbench.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.rounds.RoundPlan;
import dev.cloudbench.core.rounds.RoundsDecision;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.testing.RoundExportsFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportServiceVariantsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStore store = new InMemoryStore();
    private final ReportService service = new ReportService(store, CLOCK);

    @TempDir
    Path dir;

    private static final RunRequest REQUEST = InputReader.request("""
            {"runId":"ab-1","suite":{"name":"ab","runs":3,"benchmarks":[{"name":"hash","command":"sha256sum $F"},
                {"name":"sort","command":"sort $F"}],
              "variants":[{"name":"base","env":{"F":"a"}},{"name":"cand","env":{"F":"b"}}],
              "rounds":{"min":10,"max":20}},
             "targets":[{"id":"x86","architecture":"x86_64","instanceType":"c7i.large"},
                        {"id":"arm","architecture":"arm64","instanceType":"c7g.large"}]}""");

    /** Rounds 1-10 on both targets, the candidate 5 % slower at hashing and the same at sorting; x86 looked at. */
    private ReportSummary publish() {
        Suite suite = REQUEST.suite();
        store.put(StoreLayout.request("ab-1"), Json.writePretty(REQUEST));
        for (String target : List.of("x86", "arm")) {
            RoundExportsFixture.write(store, new Suite(suite.name(), null, null, null, null, 3, null,
                    List.of(suite.benchmarks().get(0)), suite.variants(), suite.rounds()), "ab-1", target, 1, 10,
                    Map.of("cand", 1.05), 0.01, 7);
            RoundExportsFixture.write(store, new Suite(suite.name(), null, null, null, null, 3, null,
                    List.of(suite.benchmarks().get(1)), suite.variants(), suite.rounds()), "ab-1", target, 1, 10,
                    Map.of(), 0.01, 8);
            store.put(StoreLayout.environment("ab-1", target),
                    Json.writePretty(Fixtures.environment(target.equals("x86") ? "x86_64" : "arm64", "c7i.large", "spot", 0.03)));
        }
        RoundsRecord first = RoundsDecision.firstRecord(RoundPlan.of(suite, "ab-1", "x86"), List.of("base", "cand"),
                VariantAnalysis.rules(suite));
        store.put(StoreLayout.rounds("ab-1", "x86"), Json.writePretty(first.withLook(10, RoundsRecord.SETTLED)));
        return service.publish(new ReportRequest("ab-1", List.of(
                new TargetOutcome("x86", TargetOutcome.SUCCEEDED, null, List.of("i-1")),
                new TargetOutcome("arm", TargetOutcome.SUCCEEDED, null, List.of("i-2")))));
    }

    private RunResults results() {
        return Json.read(store.get(StoreLayout.results("ab-1")).orElseThrow(), RunResults.class);
    }

    @Test
    void publish_mergesRoundsPerVariant_keepingRoundAndPositionOfEveryTime() {
        publish();
        TargetResult x86 = results().targets().get(0);

        assertThat(x86.benchmarks()).extracting(BenchmarkResult::benchmark, BenchmarkResult::variant).containsExactly(
                Tuple.tuple("hash", "base"), Tuple.tuple("hash", "cand"),
                Tuple.tuple("sort", "base"), Tuple.tuple("sort", "cand"));
        BenchmarkResult hash = x86.benchmarks().get(0);
        assertThat(hash.times()).hasSize(30);
        assertThat(hash.rounds()).hasSize(30).startsWith(1, 1, 1, 2, 2, 2).endsWith(10);
        assertThat(hash.positions()).hasSize(30).containsOnly(1, 2);
        assertThat(hash.runsRequested()).isEqualTo(30);
        assertThat(hash.rawExport()).isEqualTo("runs/ab-1/targets/x86/raw/hash/");
        assertThat(x86.rounds().stoppedBecause()).isEqualTo(RoundsRecord.SETTLED);
    }

    @Test
    void publish_writesPairedVerdicts_intoResultsAndReports_andCountsASlowerVariantAsARegression() {
        ReportSummary summary = publish();
        TargetResult x86 = results().targets().get(0);

        assertThat(x86.variantComparisons()).hasSize(2);
        VariantComparison hash = x86.variantComparisons().get(0);
        assertThat(hash.benchmark()).isEqualTo("hash");
        assertThat(hash.variant()).isEqualTo("cand");
        assertThat(hash.baseline()).isEqualTo("base");
        assertThat(hash.rounds()).isEqualTo(10);
        assertThat(hash.ratio()).isBetween(1.04, 1.06);
        assertThat(hash.verdict()).isEqualTo("slower");
        assertThat(x86.variantComparisons().get(1).verdict()).isEqualTo("no-significant-change");
        assertThat(summary.regressions()).isEqualTo(2);
        assertThat(summary.message()).contains("variants: 2 slower, 2 no significant change");

        String md = new String(store.get(StoreLayout.reportMarkdown("ab-1")).orElseThrow());
        assertThat(md).contains("**Variants: 2 slower, 2 no significant change.**")
                .contains("## Variants compared in interleaved rounds")
                .contains("- x86: 10 round(s) of at most 20, random order (seed ")
                .contains("stopped because every comparison was settled.")
                .contains("- arm: 10 round(s) measured; no look was recorded")
                .contains("| x86 | hash | cand vs base |")
                .contains("| **▲ slower** |")
                .contains("Across targets nothing is paired: each instance is one unit");
        assertThat(md.indexOf("## Variants")).isLessThan(md.indexOf("## Targets side by side"));
        String html = new String(store.get(StoreLayout.reportHtml("ab-1")).orElseThrow());
        assertThat(html).contains("<section id=\"variants\">", "variant(s) slower</strong>");
    }

    @Test
    void aTargetThatStoppedBeforeItsFirstLook_isJudgedAtOneFinalLook() {
        publish();
        TargetResult arm = results().targets().get(1);

        assertThat(arm.rounds()).isNull();
        assertThat(arm.variantComparisons()).allSatisfy(c -> assertThat(c.level()).isEqualTo(0.05));
    }

    @Test
    void crossTargetComparisons_areUnpaired_withoutAVerdictForSingleInstances() {
        publish();
        String md = new String(store.get(StoreLayout.reportMarkdown("ab-1")).orElseThrow());

        assertThat(md).containsPattern("\\| hash · base \\| [0-9.]+ ms \\| [0-9.]+ ms \\| [0-9.]+× \\?");
    }

    @Test
    void cloudbenchReport_recomputesTheSameVerdicts_fromResultsJson() throws IOException {
        publish();
        Path file = Files.write(dir.resolve("results.json"), store.get(StoreLayout.results("ab-1")).orElseThrow());

        RunResults again = new ResultsFiles(Bootstrap.standard(), CLOCK).load(file).results();

        assertThat(again.targets().get(0).variantComparisons()).isEqualTo(results().targets().get(0).variantComparisons());
    }

    @Test
    void publish_ofASuiteWithoutVariants_writesNoVariantFields() {
        Suite plain = new Suite("plain", null, null, List.of(), 0, 2, 60,
                List.of(Benchmark.of("one", "true")));
        store.put(StoreLayout.request("p-1"), Json.writePretty(new RunRequest("p-1", plain,
                List.of(new Target("local", "x86_64", "local", "on-demand", null)), null)));
        store.putText(StoreLayout.raw("p-1", "local", "one"), "{\"results\":[{\"command\":\"true\",\"times\":[0.1,0.2]}]}");
        service.publish(new ReportRequest("p-1", List.of(new TargetOutcome("local", TargetOutcome.SUCCEEDED, null, List.of()))));

        String json = new String(store.get(StoreLayout.results("p-1")).orElseThrow());
        assertThat(json).doesNotContain("variant", "rounds", "positions");
        assertThat(new String(store.get(StoreLayout.reportMarkdown("p-1")).orElseThrow())).doesNotContain("Variants");
    }
}
