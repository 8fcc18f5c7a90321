package dev.cloudbench.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.results.LatestRun;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.testing.Samples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportServiceTest {
    private static final Suite SUITE = new Suite("suite-a", null, null, List.of(), 1, 10, 300,
            List.of(new Benchmark("sort", "sort x", null, null, null, null),
                    new Benchmark("gzip", "gzip x", null, null, null, null)));
    private static final List<Target> TARGETS = List.of(new Target("x86", "x86_64", "c7i.large", "spot", null),
            new Target("arm", "arm64", "c7g.large", "spot", null));

    private final InMemoryStore store = new InMemoryStore();
    private final ReportService service = new ReportService(store,
            Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC));

    /** A run whose targets measured sort at {@code sortMedian} (gzip at 50 ms); the arm target optionally failed. */
    private ReportSummary publish(String runId, double sortMedian, boolean armFails) {
        store.put(StoreLayout.request(runId), Json.writePretty(new RunRequest(runId, SUITE, TARGETS, null)));
        for (Target t : TARGETS) {
            store.putText(StoreLayout.raw(runId, t.id(), "sort"), export("sort x", Samples.normal(runId.hashCode(), 10, sortMedian, 0.001)));
            if (!(armFails && t.id().equals("arm"))) {
                store.putText(StoreLayout.raw(runId, t.id(), "gzip"), export("gzip x", Samples.normal(7, 10, 0.05, 0.001)));
            }
            store.put(StoreLayout.environment(runId, t.id()),
                    Json.writePretty(Fixtures.environment(t.architecture(), t.instanceType(), "spot", 0.03)));
        }
        List<TargetOutcome> outcomes = List.of(new TargetOutcome("x86", TargetOutcome.SUCCEEDED, null, List.of("i-1")),
                armFails ? new TargetOutcome("arm", TargetOutcome.FAILED,
                        new TargetError("dev.cloudbench.core.error.BenchmarkFailedException", "gzip failed", "Check Benchmark"),
                        List.of("i-2"))
                        : new TargetOutcome("arm", TargetOutcome.SUCCEEDED, null, List.of("i-2")));
        return service.publish(new ReportRequest(runId, outcomes));
    }

    private static String export(String command, double[] times) {
        return "{\"results\": [{\"command\": \"" + command + "\", \"times\": ["
                + Arrays.stream(times).mapToObj(t -> String.format(Locale.ROOT, "%.6f", t)).collect(Collectors.joining(","))
                + "], \"exit_codes\": [" + "0,".repeat(times.length - 1) + "0]}]}";
    }

    private RunResults results(String runId) {
        return Json.read(store.get(StoreLayout.results(runId)).orElseThrow(), RunResults.class);
    }

    private LatestRun latest(String targetId) {
        return Json.read(store.get(StoreLayout.latest("suite-a", targetId)).orElseThrow(), LatestRun.class);
    }

    @Test
    void publish_writesResultsMarkdownAndHtml_besideEachOther() {
        ReportSummary summary = publish("run-1", 0.1, false);

        assertThat(summary.results()).isEqualTo("runs/run-1/results.json");
        assertThat(summary.report()).isEqualTo("runs/run-1/report.md");
        assertThat(summary.html()).isEqualTo("runs/run-1/report.html");
        assertThat(store.text(summary.report())).startsWith("# cloudbench: suite-a");
        assertThat(store.text(summary.html())).startsWith("<!DOCTYPE html>");
        assertThat(summary.message()).isEqualTo("all 2 target(s) succeeded");
    }

    @Test
    void results_carryIntervalsWarningsAndCost() {
        publish("run-1", 0.1, false);

        TargetResult x86 = results("run-1").targets().get(0);
        assertThat(x86.benchmarks()).allSatisfy(b -> {
            assertThat(b.medianInterval().contains(b.statistics().median())).isTrue();
            assertThat(b.warnings()).isNotNull();
            assertThat(b.runsRequested()).isEqualTo(10);
        });
        assertThat(x86.cost().pricePerHour()).isEqualTo(0.03);
        assertThat(x86.cost().amount()).isNotNull();
        assertThat(x86.baselineRunId()).isNull();
    }

    @Test
    void publish_pointsTheSuitesLatestRun_atEachTargetThatSucceeded_only() {
        publish("run-1", 0.1, false);
        publish("run-2", 0.1, true);

        assertThat(latest("x86").runId()).isEqualTo("run-2");
        assertThat(latest("x86").previousRunId()).isEqualTo("run-1");
        assertThat(latest("arm").runId()).isEqualTo("run-1");
        assertThat(latest("arm").results()).isEqualTo("runs/run-1/results.json");
    }

    @Test
    void laterRuns_compareWithTheLatestSuccessfulRun_byDefault() {
        publish("run-1", 0.100, false);
        ReportSummary second = publish("run-2", 0.120, false);

        RunResults run2 = results("run-2");
        assertThat(run2.targets()).extracting(TargetResult::baselineRunId).containsOnly("run-1");
        assertThat(second.regressions()).isEqualTo(2);
        assertThat(second.message()).contains("against the baseline: 2 slower");
        assertThat(store.text(second.report())).contains("Baseline: run run-1.").contains("## Changes against the baseline");
    }

    @Test
    void aFailedTarget_isComparedWithItsLastSuccess_andKeepsWhatItMeasured() {
        publish("run-1", 0.1, false);
        publish("run-2", 0.1, true);
        publish("run-3", 0.1, false);

        TargetResult arm = results("run-3").targets().get(1);
        assertThat(arm.baselineRunId()).isEqualTo("run-1");
        TargetResult failedArm = results("run-2").targets().get(1);
        assertThat(failedArm.status()).isEqualTo("failed");
        assertThat(failedArm.benchmarks()).extracting(b -> b.benchmark()).containsExactly("sort");
        assertThat(failedArm.missingBenchmarks()).containsExactly("gzip");
    }

    @Test
    void publishingTheSameRunAgain_stillComparesWithItsPredecessor() {
        publish("run-1", 0.1, false);
        publish("run-2", 0.1, false);
        publish("run-2", 0.1, false);

        assertThat(results("run-2").targets()).extracting(TargetResult::baselineRunId).containsOnly("run-1");
        assertThat(latest("x86").previousRunId()).isEqualTo("run-1");
    }

    @Test
    void aBaselineWhoseResultsAreGone_meansNoComparison_notAFailedPublish() {
        publish("run-1", 0.1, false);
        store.putText(StoreLayout.results("run-1"), "{ not json");

        ReportSummary second = publish("run-2", 0.1, false);

        assertThat(second.status()).isEqualTo("succeeded");
        assertThat(results("run-2").targets()).extracting(TargetResult::baselineRunId).containsOnlyNulls();
    }

    @Test
    void resultsRecordEachTargetsInstanceTime_andItsCostCountsLaunchToTerminateRequest() {
        String runId = "run-time";
        store.put(StoreLayout.request(runId), Json.writePretty(new RunRequest(runId, SUITE, TARGETS.subList(0, 1), null)));
        store.putText(StoreLayout.raw(runId, "x86", "sort"), export("sort x", Samples.normal(3, 10, 0.1, 0.001)));
        store.putText(StoreLayout.raw(runId, "x86", "gzip"), export("gzip x", Samples.normal(7, 10, 0.05, 0.001)));
        store.put(StoreLayout.environment(runId, "x86"),
                Json.writePretty(Fixtures.environment("x86_64", "c7i.large", "spot", 0.03)));

        service.publish(new ReportRequest(runId, List.of(new TargetOutcome("x86", TargetOutcome.SUCCEEDED, null,
                List.of("i-1"), "2026-01-01T10:11:30Z"))));

        TargetResult x86 = results(runId).targets().get(0);
        assertThat(x86.instanceTime().launchedAt()).isEqualTo(Fixtures.LAUNCHED);
        assertThat(x86.instanceTime().benchmarkStartedAt()).isEqualTo(Fixtures.STARTED);
        assertThat(x86.instanceTime().benchmarkFinishedAt()).isEqualTo(Fixtures.FINISHED);
        assertThat(x86.instanceTime().terminatedAt()).isEqualTo("2026-01-01T10:11:30Z");
        assertThat(x86.instanceTime().benchmarkSeconds()).isEqualTo(600.0);
        assertThat(x86.instanceTime().overheadSeconds()).isEqualTo(90.0);
        assertThat(x86.cost().instanceSeconds()).isEqualTo(690.0);
        assertThat(x86.cost().instanceTime()).isEqualTo("launch to terminate request");
        assertThat(new String(store.get(StoreLayout.reportMarkdown(runId)).orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("| 11 min 30 s | 10 min 00 s | 1 min 30 s |");
    }

    @Test
    void resultsWrittenBeforeInstanceTime_stillRead_andTheirCostIsAsBefore() {
        String old = "{\"schema\":\"cloudbench.results/v1\",\"runId\":\"r\",\"suite\":\"s\",\"status\":\"succeeded\","
                + "\"generatedAt\":\"2026-01-01T10:12:00Z\",\"targets\":[{\"targetId\":\"x86\",\"status\":\"succeeded\","
                + "\"cost\":{\"instanceSeconds\":660.0,\"instanceTime\":\"launch to results collected\"}}]}";

        RunResults read = Json.read(old.getBytes(java.nio.charset.StandardCharsets.UTF_8), RunResults.class);

        assertThat(read.targets().get(0).instanceTime()).isNull();
        assertThat(read.targets().get(0).cost().instanceSeconds()).isEqualTo(660.0);
    }
}
