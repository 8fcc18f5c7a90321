package dev.cloudbench.core.results;

/**
 * {@code suites/SUITE/latest/TARGET.json}: the latest run of a suite in which a target succeeded.
 * The next run of the suite compares that target against it by default.
 *
 * @param suite         the suite
 * @param targetId      the target
 * @param runId         the latest run in which the target succeeded
 * @param previousRunId the run this pointer named before, so that publishing {@code runId} again
 *                      still compares it against its own predecessor; null for the first
 * @param updatedAt     when the pointer was written (ISO-8601)
 * @param results       store key of that run's results.json
 */
public record LatestRun(String suite, String targetId, String runId, String previousRunId, String updatedAt,
                        String results) {
}
