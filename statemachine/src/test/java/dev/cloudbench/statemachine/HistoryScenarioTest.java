package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.cli.local.DirectoryStore;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.history.ChangePointDetector;
import dev.cloudbench.core.history.ChangePointOptions;
import dev.cloudbench.core.history.HistoryAnalysis;
import dev.cloudbench.core.history.HistoryEntry;
import dev.cloudbench.core.history.HistoryStore;
import dev.cloudbench.core.history.Series;
import dev.cloudbench.core.layout.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history across repeated local runs of one suite, each through the whole state machine: the
 * benchmark's command sleeps for what a file says, and the test makes it sleep three times longer
 * from the fifth run on. The change point is found at that run, and the run that confirms it (the
 * sixth: a step needs two runs after it) says so in its execution output, which is what the
 * run-ended notification carries.
 */
class HistoryScenarioTest {
    private static final int RUNS = 7;
    private static final int STEP_AT = 5;

    @TempDir
    Path output;

    @TempDir
    Path control;

    @Test
    void repeatedRuns_withAStepChange_findItAtTheRightRun_andTheConfirmingRunSaysSo() throws IOException {
        Path delay = control.resolve("delay");
        // No canary: this shared host is often a noisy one by it, and a noisy host's points are left
        // out of change-point detection (HistoryStoreTest); the step is what this test is about.
        String suite = """
                {"name":"stepping","warmup":1,"runs":3,"canary":false,
                 "benchmarks":[{"name":"work","command":"sleep $(cat %s)"}]}""".formatted(delay);
        List<String> runIds = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            Files.writeString(delay, run < STEP_AT ? "0.05" : "0.15");
            AtomicReference<String> message = new AtomicReference<>();
            LocalRun.Outcome outcome = new Scenario(output).onEvent(e -> capture(e, message)).run(suite);

            assertThat(outcome.succeeded()).as("run %d: %s", run, outcome.cause()).isTrue();
            runIds.add(outcome.runId());
            messages.add(message.get());
        }

        List<HistoryEntry> history = new HistoryStore(new DirectoryStore(output)).read("stepping");
        assertThat(history).extracting(HistoryEntry::runId).containsExactlyElementsOf(runIds);
        ChangePointDetector detector = new ChangePointDetector(ChangePointOptions.DEFAULT);
        Series work = HistoryAnalysis.of("stepping", history, detector, null, null).series().get(0);
        assertThat(work.key().label()).isEqualTo("work on local");
        assertThat(work.changePoints()).as("medians %s", history.stream().map(HistoryEntry::median).toList())
                .hasSize(1);
        assertThat(work.after(work.changePoints().get(0)).runId()).isEqualTo(runIds.get(STEP_AT - 1));
        assertThat(work.changePoints().get(0).change()).isGreaterThan(1.0);

        assertThat(messages.subList(0, STEP_AT)).noneMatch(m -> m.contains("change point"));
        assertThat(messages.get(STEP_AT)).contains("new change point: work on local: ").contains("% slower")
                .contains("between runs " + runIds.get(STEP_AT - 2) + " and " + runIds.get(STEP_AT - 1));
        assertThat(messages.get(RUNS - 1)).doesNotContain("change point");
        assertThat(output.resolve(StoreLayout.historyHtml("stepping"))).content().contains("work on local");
    }

    /** The execution's output, as the run-ended event carries it: {@code $.report.message}. */
    private static void capture(EngineEvent e, AtomicReference<String> message) {
        if ("ExecutionSucceeded".equals(e.type()) && e.output() != null) {
            message.set(e.output().path("report").path("message").asText());
        }
    }
}
