package dev.cloudbench.core.history;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.HierarchicalBootstrap;
import dev.cloudbench.core.stats.Interval;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
     * adds nothing: its objects are left as they were, so publishing again changes nothing. The
     * replicas of a target make one point per benchmark under the target's own id (the median of the
     * instances' medians, the interval resampling instances, then runs), so that its series goes on
     * whatever the number of replicas; a noisy host's wall-time points are marked and kept out of
     * pooling, and a replicated target whose every instance was noisy keeps its first replica's points,
     * marked.
     *
     * @return the entries of this run, whether added now or before
     */
    public List<HistoryEntry> append(RunRequest run, RunResults results) {
        Map<String, List<TargetResult>> units = new LinkedHashMap<>();
        for (TargetResult t : results.targets()) {
            if (t.succeeded() && !t.benchmarks().isEmpty()) {
                units.computeIfAbsent(t.replicaOf() == null ? t.targetId() : t.replicaOf(), k -> new ArrayList<>()).add(t);
            }
        }
        List<HistoryEntry> all = new ArrayList<>();
        units.forEach((unit, targets) -> {
            String key = StoreLayout.historyEntry(results.suite(), unit, results.runId());
            List<HistoryEntry> existing = readObject(key);
            if (existing != null) {
                all.addAll(existing);
                return;
            }
            List<HistoryEntry> entries = targets.size() == 1 && targets.get(0).replicaOf() == null
                    ? entries(run, results, targets.get(0)) : pooled(run, results, unit, targets);
            store.put(key, Json.writePretty(new HistoryRecord(HistoryRecord.SCHEMA, results.suite(), results.runId(),
                    unit, entries)));
            all.addAll(entries);
        });
        return all;
    }

    /** One point per benchmark and metric for the replicas of {@code unit}. */
    private static List<HistoryEntry> pooled(RunRequest run, RunResults results, String unit,
                                             List<TargetResult> replicas) {
        Map<List<Object>, List<HistoryEntry>> byPoint = new LinkedHashMap<>();
        Map<List<Object>, List<double[]>> times = new LinkedHashMap<>();
        for (TargetResult t : replicas) {
            List<HistoryEntry> own = entries(run, results, t);
            for (int i = 0; i < own.size(); i++) {
                HistoryEntry e = own.get(i);
                List<Object> point = Arrays.asList(e.benchmark(), e.parameters(), e.variant(), e.metric());
                byPoint.computeIfAbsent(point, k -> new ArrayList<>()).add(e);
                times.computeIfAbsent(point, k -> new ArrayList<>()).add(e.leftOut() ? null : t.benchmarks().get(i).times());
            }
        }
        List<HistoryEntry> entries = new ArrayList<>();
        byPoint.forEach((point, es) -> {
            List<double[]> quiet = times.get(point).stream().filter(Objects::nonNull).toList();
            HistoryEntry first = es.stream().filter(e -> !e.leftOut()).findFirst().orElse(es.get(0));
            boolean allNoisy = quiet.isEmpty();
            double median = allNoisy ? first.median() : HierarchicalBootstrap.median(quiet);
            Interval interval = allNoisy ? first.interval()
                    : quiet.size() == 1 ? first.interval() : HierarchicalBootstrap.standard().medianInterval(quiet);
            String time = es.stream().map(HistoryEntry::time).min(String::compareTo).orElse(first.time());
            entries.add(new HistoryEntry(time, first.runId(), unit, first.architecture(), first.instanceType(),
                    first.market(), first.benchmark(), first.parameters(), first.variant(), first.metric(),
                    first.commit(), first.ref(), median, interval, allNoisy ? null : quiet.size(),
                    allNoisy ? Boolean.TRUE : null));
        });
        return entries;
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
            // Instruction counts do not move with a neighbour's load: only wall time is marked.
            boolean noisy = t.leftOutAsNoisy() && b.metricValue() == Metric.WALL_TIME;
            entries.add(new HistoryEntry(time, results.runId(), t.targetId(), t.architecture(), t.instanceType(),
                    market, b.benchmark(), b.parameters(), b.variant(), b.metricValue().id(), commit,
                    own ? variant.ref() : suiteRef, b.statistics().median(), b.medianInterval(), null,
                    noisy ? Boolean.TRUE : null));
        }
        return entries;
    }
}
