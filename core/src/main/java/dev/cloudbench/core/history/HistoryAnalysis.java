package dev.cloudbench.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every series of a suite's history, each with its change points.
 *
 * @param suite  the suite
 * @param series by benchmark, then target
 */
public record HistoryAnalysis(String suite, List<Series> series) {

    /**
     * @param entries   the suite's history (any order)
     * @param benchmark only series whose benchmark name (or label) is this, or null for all
     * @param target    only series of this target, or null for all
     */
    public static HistoryAnalysis of(String suite, List<HistoryEntry> entries, ChangePointDetector detector,
                                     String benchmark, String target) {
        Map<SeriesKey, List<HistoryEntry>> byKey = new TreeMap<>();
        for (HistoryEntry e : entries) {
            if ((benchmark == null || benchmark.equals(e.benchmark()) || benchmark.equals(e.key().benchmark()))
                    && (target == null || target.equals(e.targetId()))) {
                byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Series> series = new ArrayList<>();
        byKey.forEach((key, points) -> {
            points.sort(HistoryStore.ORDER);
            series.add(Series.of(key, points, detector));
        });
        return new HistoryAnalysis(suite, series);
    }

    /** How many runs the history holds. */
    public long runs() {
        return series.stream().flatMap(s -> s.points().stream()).map(HistoryEntry::runId).distinct().count();
    }
}
