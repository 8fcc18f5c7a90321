package dev.cloudbench.core.history;

/**
 * Names one series of a suite's history.
 *
 * @param targetId  the target
 * @param benchmark the benchmark as reports label it: name, parameter values, variant
 * @param metric    what is measured ({@link HistoryEntry#WALL_TIME})
 */
public record SeriesKey(String targetId, String benchmark, String metric) implements Comparable<SeriesKey> {

    @Override
    public int compareTo(SeriesKey o) {
        int c = benchmark.compareTo(o.benchmark);
        if (c == 0) {
            c = targetId.compareTo(o.targetId);
        }
        return c == 0 ? metric.compareTo(o.metric) : c;
    }

    /** {@code benchmark on target}, plus the metric when it is not wall time. */
    public String label() {
        return benchmark + " on " + targetId + (HistoryEntry.WALL_TIME.equals(metric) ? "" : " (" + metric + ")");
    }
}
