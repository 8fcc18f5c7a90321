package dev.cloudbench.core.run;

/**
 * Output of "Publish Report".
 *
 * @param runId         the run
 * @param status        {@code succeeded} or {@code failed}
 * @param failedTargets how many targets failed
 * @param regressions   how many benchmarks were slower than in their baseline, plus how many variants
 *                      were slower than their baseline variant
 * @param message       one line: what failed and why, or that all succeeded; and the comparison
 * @param results       store key of results.json
 * @param report        store key of report.md
 * @param html          store key of report.html
 */
public record ReportSummary(String runId, String status, int failedTargets, int regressions, String message,
                            String results, String report, String html) {
}
