package dev.cloudbench.core.service;

import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.CleanupRequest;
import java.util.List;

/** "Clean Up Run": terminates every live instance tagged with the run. */
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
}
