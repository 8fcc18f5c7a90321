package dev.cloudbench.core.history;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A suite's history in the result store ({@link StoreLayout#history(String)}): one object per
 * published run and target, written once.
 */
public final class HistoryStore {
    /** Points in the order of the series: by time, then by run id. */
    public static final Comparator<HistoryEntry> ORDER =
            Comparator.comparing(HistoryEntry::time).thenComparing(HistoryEntry::runId);

    private final ResultStorePort store;

    public HistoryStore(ResultStorePort store) {
        this.store = store;
    }

    /**
     * Adds what each target of {@code results} that succeeded measured. A run already in the history
     * adds nothing: its objects are left as they were, so publishing again changes nothing.
     *
     * @return the entries of this run, whether added now or before
     */
    public List<HistoryEntry> append(RunRequest run, RunResults results) {
        List<HistoryEntry> all = new ArrayList<>();
        for (TargetResult t : results.targets()) {
            if (!t.succeeded() || t.benchmarks().isEmpty()) {
                continue;
            }
            String key = StoreLayout.historyEntry(results.suite(), t.targetId(), results.runId());
            List<HistoryEntry> existing = readObject(key);
            if (existing != null) {
                all.addAll(existing);
                continue;
            }
            List<HistoryEntry> entries = entries(run, results, t);
            store.put(key, Json.writePretty(new HistoryRecord(HistoryRecord.SCHEMA, results.suite(), results.runId(),
                    t.targetId(), entries)));
            all.addAll(entries);
        }
        return all;
    }

    /** Every entry of the suite's history, in series order; unreadable objects are skipped. */
    public List<HistoryEntry> read(String suite) {
        List<HistoryEntry> all = new ArrayList<>();
        for (String key : store.list(StoreLayout.history(suite))) {
            if (key.endsWith(".json")) {
                List<HistoryEntry> entries = readObject(key);
                if (entries != null) {
                    all.addAll(entries);
                }
            }
        }
        all.sort(ORDER);
        return all;
    }

    /** The suites that have a history, by name. */
    public List<String> suites() {
        return store.list("suites/").stream().filter(k -> k.matches("suites/[^/]+/history/.+\\.json"))
                .map(k -> k.substring("suites/".length(), k.indexOf("/history/"))).distinct().sorted().toList();
    }

    private List<HistoryEntry> readObject(String key) {
        try {
            return store.get(key).map(b -> Json.read(b, HistoryRecord.class))
                    .filter(r -> HistoryRecord.SCHEMA.equals(r.schema())).map(HistoryRecord::entries).orElse(null);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return null;
        }
    }

    static List<HistoryEntry> entries(RunRequest run, RunResults results, TargetResult t) {
        Environment env = t.environment();
        String time = env != null && env.startedAt() != null ? env.startedAt() : results.generatedAt();
        String market = env != null && env.market() != null ? env.market() : t.market();
        Map<String, Variant> variants = run.suite().variants().stream()
                .collect(Collectors.toMap(Variant::name, Function.identity()));
        String suiteRef = run.suite().repository() == null ? null : run.suite().repository().ref();
        List<HistoryEntry> entries = new ArrayList<>();
        for (BenchmarkResult b : t.benchmarks()) {
            Variant variant = b.variant() == null ? null : variants.get(b.variant());
            boolean own = variant != null && variant.hasOwnCheckout();
            String commit = env == null ? null : own ? env.variantCommits().get(variant.name()) : env.commit();
            entries.add(new HistoryEntry(time, results.runId(), t.targetId(), t.architecture(), t.instanceType(),
                    market, b.benchmark(), b.parameters(), b.variant(), b.metricValue().id(), commit,
                    own ? variant.ref() : suiteRef, b.statistics().median(), b.medianInterval()));
        }
        return entries;
    }
}
