package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.InstanceService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Check Instance": one readiness check of the bounded wait loop. */
public final class CheckInstanceHandler extends TaskHandler<TargetState, TargetState> {
    private final InstanceService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public CheckInstanceHandler() {
        this(Tasks.instances(AwsPorts.forTask("CheckInstance")));
        primeForSnapStart("CheckInstance");
    }

    public CheckInstanceHandler(InstanceService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.checkReady(input);
    }
}
