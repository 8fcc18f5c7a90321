package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.InstanceService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Launch Instance": one instance for the target, or the one already launched for it. */
public final class LaunchInstanceHandler extends TaskHandler<TargetState, TargetState> {
    private final InstanceService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public LaunchInstanceHandler() {
        this(Tasks.instances(AwsPorts.forTask("LaunchInstance")));
        primeForSnapStart("LaunchInstance");
    }

    public LaunchInstanceHandler(InstanceService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.launch(input);
    }
}
