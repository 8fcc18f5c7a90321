package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.TargetEndService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Terminate Instance": the end of a target that succeeded. */
public final class TerminateInstanceHandler extends TaskHandler<TargetState, TargetOutcome> {
    private final TargetEndService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public TerminateInstanceHandler() {
        this(Tasks.targetEnds(AwsPorts.forTask("TerminateInstance")));
        primeForSnapStart("TerminateInstance");
    }

    public TerminateInstanceHandler(TargetEndService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetOutcome handle(TargetState input) {
        return service.succeeded(input);
    }
}
