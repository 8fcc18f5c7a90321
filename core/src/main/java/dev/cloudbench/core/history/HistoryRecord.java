package dev.cloudbench.core.history;

import java.util.List;

/**
 * {@code suites/SUITE/history/TARGET/RUN.json}: what one published run added to its suite's history
 * for one target. Schema versioned by {@link #SCHEMA}.
 *
 * @param schema  always {@value #SCHEMA}
 * @param suite   the suite
 * @param runId   the run
 * @param targetId the target
 * @param entries one per benchmark result (parameter values and variant apart) and metric
 */
public record HistoryRecord(String schema, String suite, String runId, String targetId, List<HistoryEntry> entries) {
    public static final String SCHEMA = "cloudbench.history/v1";

    public HistoryRecord {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
