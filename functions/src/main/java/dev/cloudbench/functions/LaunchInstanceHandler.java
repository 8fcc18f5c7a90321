package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.InstanceService;

/** "Launch Instance": one instance for the target, or the one already launched for it. */
public final class LaunchInstanceHandler extends TaskHandler<TargetState, TargetState> {
    private final InstanceService service;

    public LaunchInstanceHandler(InstanceService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.launch(input);
    }
}
