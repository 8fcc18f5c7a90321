package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.InstanceService;

/** "Check Instance": one readiness check of the bounded wait loop. */
public final class CheckInstanceHandler extends TaskHandler<TargetState, TargetState> {
    private final InstanceService service;

    public CheckInstanceHandler(InstanceService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.checkReady(input);
    }
}
