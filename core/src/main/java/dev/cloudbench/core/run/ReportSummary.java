package dev.cloudbench.core.run;

/**
 * Output of "Publish Report".
 *
 * @param runId         the run
 * @param status        {@code succeeded} or {@code failed}
 * @param failedTargets how many targets failed
 * @param message       one line: what failed and why, or that all succeeded
 * @param results       store key of results.json
 * @param report        store key of report.md
 */
public record ReportSummary(String runId, String status, int failedTargets, String message, String results,
                            String report) {
}
