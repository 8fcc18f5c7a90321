package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.TargetEndService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Terminate After Failure": the end of a target whose branch caught an error. */
public final class TerminateAfterFailureHandler extends TaskHandler<TargetState, TargetOutcome> {
    private final TargetEndService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public TerminateAfterFailureHandler() {
        this(Tasks.targetEnds(AwsPorts.forTask("TerminateAfterFailure")));
        primeForSnapStart("TerminateAfterFailure");
    }

    public TerminateAfterFailureHandler(TargetEndService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetOutcome handle(TargetState input) {
        return service.failed(input);
    }
}
