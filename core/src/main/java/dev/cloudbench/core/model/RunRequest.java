package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The input of one state-machine execution.
 *
 * @param runId   optional; the planner assigns one when absent (callers usually pass the
 *                execution name)
 * @param suite   the suite to run
 * @param targets at least one target
 * @param limits  optional bounds; defaults apply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(String runId, Suite suite, List<Target> targets, Limits limits) {

    public RunRequest {
        targets = targets == null ? null : List.copyOf(targets);
    }

    public Limits effectiveLimits() {
        return limits == null ? new Limits(null, null) : limits;
    }
}
