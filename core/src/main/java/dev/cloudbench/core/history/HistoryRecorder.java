package dev.cloudbench.core.history;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.RunResults;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What "Publish Report" does with the history: adds the run, rewrites the suite's history.html
 * and tells which change points the run brought.
 */
public final class HistoryRecorder {
    private final ResultStorePort store;
    private final ChangePointDetector detector;

    public HistoryRecorder(ResultStorePort store, ChangePointOptions options) {
        this.store = store;
        this.detector = new ChangePointDetector(options);
    }

    /**
     * What recording a run gave.
     *
     * @param changes the change points this run brought, in series order
     * @param problem why the history could not be updated, or null; a report is published all the same
     */
    public record Update(List<NewChangePoints.NewChange> changes, String problem) {

        /** One sentence per new change point. */
        public List<String> sentences() {
            return changes.stream().map(NewChangePoints.NewChange::sentence).toList();
        }

        /**
         * {@code ; new change point: ...}, {@code ; history not updated: ...}, or empty. Appended to the
         * report's message, so it is in the execution's output, which the run-ended notification carries:
         * the Step Functions status-change event holds the output (up to 248 KB;
         * https://docs.aws.amazon.com/step-functions/latest/dg/cw-events.html).
         */
        public String summary() {
            if (problem != null) {
                return "; history not updated: " + problem;
            }
            if (changes.isEmpty()) {
                return "";
            }
            return "; new change point" + (changes.size() == 1 ? "" : "s") + ": "
                    + String.join("; ", sentences());
        }
    }

    /** Adds {@code results} to its suite's history (once) and rewrites the suite's history.html. */
    public Update record(RunRequest run, RunResults results) {
        try {
            HistoryStore history = new HistoryStore(store);
            history.append(run, results);
            HistoryAnalysis analysis = HistoryAnalysis.of(results.suite(), history.read(results.suite()), detector,
                    null, null);
            store.put(StoreLayout.historyHtml(results.suite()),
                    HistoryPage.render(analysis, detector.options()).getBytes(StandardCharsets.UTF_8));
            return new Update(NewChangePoints.of(analysis, results.runId(), detector), null);
        } catch (RuntimeException e) {
            // The run's results and report matter more than its place in the trend: publish them regardless.
            return new Update(List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
