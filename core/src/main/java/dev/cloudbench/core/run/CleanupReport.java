package dev.cloudbench.core.run;

import java.util.List;

/**
 * Output of "Clean Up Run".
 *
 * @param runId      the run, or null
 * @param terminated ids of the instances it terminated
 */
public record CleanupReport(String runId, List<String> terminated) {
}
