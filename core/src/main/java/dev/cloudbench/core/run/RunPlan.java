package dev.cloudbench.core.run;

import java.util.List;

/**
 * Output of "Plan Run": what the rest of the execution works from. The suite itself stays in the
 * result store (request.json), not in the state payload.
 *
 * @param runId          the run
 * @param suite          the suite's name
 * @param deadline       ISO-8601 instant after which nothing of the run may still be running
 * @param maxConcurrency how many targets the Map runs at once
 * @param targets        the planned targets
 */
public record RunPlan(String runId, String suite, String deadline, int maxConcurrency, List<PlannedTarget> targets) {
}
