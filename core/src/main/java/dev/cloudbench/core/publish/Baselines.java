package dev.cloudbench.core.publish;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.report.Baseline;
import dev.cloudbench.core.results.LatestRun;
import dev.cloudbench.core.results.RunResults;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The per-target pointers to the latest successful run of a suite
 * ({@link StoreLayout#latest(String, String)}), which are the default baselines of later runs.
 */
final class Baselines {
    private final ResultStorePort store;

    Baselines(ResultStorePort store) {
        this.store = store;
    }

    /**
     * The latest run before {@code runId} in which the target succeeded, with its results; empty
     * for a suite's first run, or when that run's results.json is gone or unreadable (a report is
     * still published, without comparison).
     */
    Optional<Baseline> find(String suite, String targetId, String runId) {
        Optional<LatestRun> pointer = pointer(suite, targetId);
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        String baselineRun = runId.equals(pointer.get().runId()) ? pointer.get().previousRunId() : pointer.get().runId();
        if (baselineRun == null) {
            return Optional.empty();
        }
        try {
            return store.get(StoreLayout.results(baselineRun))
                    .map(bytes -> Json.read(bytes, RunResults.class))
                    .flatMap(r -> r.targets().stream().filter(t -> t.targetId().equals(targetId) && t.succeeded())
                            .findFirst().map(t -> new Baseline(r.runId(), t)));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Points the target's pointer at {@code runId}; publishing the same run again changes nothing. */
    void advance(String suite, String targetId, String runId, String at) {
        Optional<LatestRun> pointer = pointer(suite, targetId);
        if (pointer.isPresent() && pointer.get().runId().equals(runId)) {
            return;
        }
        LatestRun latest = new LatestRun(suite, targetId, runId, pointer.map(LatestRun::runId).orElse(null), at,
                StoreLayout.results(runId));
        store.put(StoreLayout.latest(suite, targetId), Json.writePretty(latest));
    }

    private Optional<LatestRun> pointer(String suite, String targetId) {
        try {
            return store.get(StoreLayout.latest(suite, targetId)).map(b -> Json.read(b, LatestRun.class))
                    .filter(p -> p.runId() != null);
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
