package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.TargetEndService;

/** "Terminate After Failure": the end of a target whose branch caught an error. */
public final class TerminateAfterFailureHandler extends TaskHandler<TargetState, TargetOutcome> {
    private final TargetEndService service;

    public TerminateAfterFailureHandler(TargetEndService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetOutcome handle(TargetState input) {
        return service.failed(input);
    }
}
