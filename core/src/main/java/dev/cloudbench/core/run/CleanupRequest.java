package dev.cloudbench.core.run;

/**
 * Input of "Clean Up Run": the whole execution state at the point of failure. Only the run id
 * matters; it is absent when the run failed before planning, and then nothing was launched.
 *
 * @param runId the run, or null
 * @param error the error that ended the run
 */
public record CleanupRequest(String runId, StepError error) {
}
