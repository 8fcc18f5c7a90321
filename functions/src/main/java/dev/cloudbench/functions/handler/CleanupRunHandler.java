package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.CleanupRequest;
import dev.cloudbench.core.service.CleanupService;

/** "Clean Up Run": terminates everything tagged with the run after an uncaught error. */
public final class CleanupRunHandler extends TaskHandler<CleanupRequest, CleanupReport> {
    private final CleanupService service;

    public CleanupRunHandler(CleanupService service) {
        super(CleanupRequest.class);
        this.service = service;
    }

    @Override
    protected CleanupReport handle(CleanupRequest input) {
        return service.cleanUp(input);
    }
}
