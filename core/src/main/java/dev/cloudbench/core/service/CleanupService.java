package dev.cloudbench.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.CleanupRequest;
import dev.cloudbench.core.run.ExecutionStatusEvent;
import dev.cloudbench.core.validation.Names;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Terminates every live instance tagged with a run: the state machine's "Clean Up Run" after an
 * uncaught error, and the execution-status rule's target when an execution failed, timed out or
 * was stopped (Catch clauses never run on a stop or an execution timeout).
 */
public final class CleanupService {
    private final FleetPort fleet;

    public CleanupService(FleetPort fleet) {
        this.fleet = fleet;
    }

    /** Failures propagate: a cleanup that could not run must fail the execution visibly. */
    public CleanupReport cleanUp(CleanupRequest request) {
        if (request.runId() == null) {
            return new CleanupReport(null, List.of()); // failed before planning: nothing was launched
        }
        List<String> live = fleet.findLive(request.runId(), null);
        if (!live.isEmpty()) {
            fleet.terminate(live);
        }
        return new CleanupReport(request.runId(), live);
    }

    /** Statuses after which nothing of the run may still be running. */
    private static final Set<String> ENDED_BADLY = Set.of("FAILED", "TIMED_OUT", "ABORTED");

    /**
     * Cleans up after an execution that ended badly. The run is the input's run id when it has
     * one, else the execution's name (which Plan Run makes the run id).
     */
    public CleanupReport cleanUp(ExecutionStatusEvent event) {
        if (event.detail() == null || !ENDED_BADLY.contains(event.detail().status())) {
            return new CleanupReport(null, List.of());
        }
        String runId = runIdOf(event.detail());
        if (runId == null) {
            return new CleanupReport(null, List.of());
        }
        return cleanUp(new CleanupRequest(runId, null));
    }

    private static String runIdOf(ExecutionStatusEvent.Detail detail) {
        if (detail.input() != null) {
            try {
                JsonNode input = Json.payload().readTree(detail.input());
                if (input != null && Names.isSafe(input.path("runId").asText(null))) {
                    return input.path("runId").asText();
                }
            } catch (IOException e) {
                // not JSON: fall back to the execution's name
            }
        }
        return Names.isSafe(detail.name()) ? detail.name() : null;
    }
}
