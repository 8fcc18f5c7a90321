package dev.cloudbench.core.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.history.HistoryEntry;
import dev.cloudbench.core.history.HistoryStore;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.run.TargetOutcome;
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

/** Publish Report keeps the suite's history and tells which run brought a change point. */
class ReportServiceHistoryTest {
    private static final Suite SUITE = new Suite("nightly", null, new Repository("https://example.com/r.git", "main"),
            List.of(), 1, 10, 300, List.of(new Benchmark("sort", "sort x", null, null, null, null)));
    private static final Target X86 = new Target("x86", "x86_64", "c7i.large", "spot", null);

    private final InMemoryStore store = new InMemoryStore();
    private final ReportService service = new ReportService(store,
            Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC));

    /** Night {@code n} (1-based) measures sort at {@code median}, on commit {@code c0n}. */
    private ReportSummary night(int n, double median) {
        String runId = String.format(Locale.ROOT, "nightly-2026030%dT020000Z", n);
        store.put(StoreLayout.request(runId), Json.writePretty(new RunRequest(runId, SUITE, List.of(X86), null)));
        double[] times = Samples.normal(n, 10, median, median * 0.003);
        store.putText(StoreLayout.raw(runId, "x86", "sort"), "{\"results\": [{\"command\": \"sort x\", \"times\": ["
                + Arrays.stream(times).mapToObj(t -> String.format(Locale.ROOT, "%.6f", t)).collect(Collectors.joining(","))
                + "]}]}");
        String started = String.format(Locale.ROOT, "2026-03-0%dT02:01:00Z", n);
        store.put(StoreLayout.environment(runId, "x86"), Json.writePretty(new Environment("x86_64", "c7i.large", "spot",
                null, null, null, null, 2, null, null, null, "c0" + n, null, null, null, started, started)));
        return service.publish(new ReportRequest(runId,
                List.of(new TargetOutcome("x86", TargetOutcome.SUCCEEDED, null, List.of("i-" + n)))));
    }

    @Test
    void publish_appendsOneEntryPerRun_withCommitRefMarketAndMedianInterval() {
        night(1, 0.100);
        night(2, 0.100);

        List<HistoryEntry> history = new HistoryStore(store).read("nightly");

        assertThat(store.list(StoreLayout.history("nightly"))).containsExactly(
                "suites/nightly/history/x86/nightly-20260301T020000Z.json",
                "suites/nightly/history/x86/nightly-20260302T020000Z.json");
        assertThat(history).extracting(HistoryEntry::runId)
                .containsExactly("nightly-20260301T020000Z", "nightly-20260302T020000Z");
        HistoryEntry first = history.get(0);
        assertThat(first.time()).isEqualTo("2026-03-01T02:01:00Z");
        assertThat(first.commit()).isEqualTo("c01");
        assertThat(first.ref()).isEqualTo("main");
        assertThat(first.market()).isEqualTo("spot");
        assertThat(first.metric()).isEqualTo(HistoryEntry.WALL_TIME);
        assertThat(first.median()).isBetween(0.099, 0.101);
        assertThat(first.interval().low()).isLessThanOrEqualTo(first.median());
        assertThat(first.interval().high()).isGreaterThanOrEqualTo(first.median());
        assertThat(store.text(StoreLayout.historyHtml("nightly"))).contains("History of nightly", "data-chart=\"trend\"");
    }

    @Test
    void publishingTheSameRunAgain_addsNothingToTheHistory() {
        night(1, 0.100);
        byte[] before = store.get(StoreLayout.historyEntry("nightly", "x86", "nightly-20260301T020000Z")).orElseThrow();

        night(1, 0.200);

        assertThat(new HistoryStore(store).read("nightly")).hasSize(1);
        assertThat(store.get(StoreLayout.historyEntry("nightly", "x86", "nightly-20260301T020000Z")).orElseThrow())
                .isEqualTo(before);
    }

    @Test
    void theRunThatConfirmsAStep_saysWhichBenchmarkByHowMuchAndBetweenWhichCommits() {
        List<String> messages = new java.util.ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            messages.add(night(n, n <= 4 ? 0.100 : 0.150).message());
        }

        assertThat(messages.subList(0, 5)).noneMatch(m -> m.contains("change point"));
        assertThat(messages.get(5)).contains("; new change point: sort on x86: ")
                .containsPattern("(49|50)\\.\\d % slower \\(\\d+\\.\\d+ ms → 1\\d\\d\\.\\d+ ms\\)")
                .contains("between commits c04..c05 (runs nightly-20260304T020000Z and nightly-20260305T020000Z)");
        assertThat(messages.get(6)).as("the step is no longer new").doesNotContain("change point");
        String sixth = store.text(StoreLayout.reportMarkdown("nightly-20260306T020000Z"));
        assertThat(sixth).contains("[History of the suite](../../suites/nightly/history.html): **this run lies after a"
                + " new change point**").contains("- sort on x86: ");
        assertThat(store.text(StoreLayout.reportHtml("nightly-20260306T020000Z")))
                .contains("<a href=\"../../suites/nightly/history.html\">History of the suite</a>")
                .contains("<p class=\"alert\">sort on x86: ");
        assertThat(store.text(StoreLayout.reportMarkdown("nightly-20260307T020000Z")))
                .contains("[History of the suite](../../suites/nightly/history.html).").doesNotContain("lies after");
    }
}
