package dev.cloudbench.core.run;

import java.util.List;

/**
 * Input of "Publish Report".
 *
 * @param runId    the run
 * @param outcomes one per target, from the Map
 */
public record ReportRequest(String runId, List<TargetOutcome> outcomes) {
}
