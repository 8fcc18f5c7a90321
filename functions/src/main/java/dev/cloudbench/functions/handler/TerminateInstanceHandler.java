package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.TargetEndService;

/** "Terminate Instance": the end of a target that succeeded. */
public final class TerminateInstanceHandler extends TaskHandler<TargetState, TargetOutcome> {
    private final TargetEndService service;

    public TerminateInstanceHandler(TargetEndService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetOutcome handle(TargetState input) {
        return service.succeeded(input);
    }
}
