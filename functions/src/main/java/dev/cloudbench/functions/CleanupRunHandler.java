package dev.cloudbench.functions;

import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.CleanupRequest;
import dev.cloudbench.core.service.CleanupService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Clean Up Run": terminates everything tagged with the run after an uncaught error. */
public final class CleanupRunHandler extends TaskHandler<CleanupRequest, CleanupReport> {
    private final CleanupService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public CleanupRunHandler() {
        this(Tasks.cleanup(AwsPorts.forTask("CleanupRun")));
        primeForSnapStart("CleanupRun");
    }

    public CleanupRunHandler(CleanupService service) {
        super(CleanupRequest.class);
        this.service = service;
    }

    @Override
    protected CleanupReport handle(CleanupRequest input) {
        return service.cleanUp(input);
    }
}
