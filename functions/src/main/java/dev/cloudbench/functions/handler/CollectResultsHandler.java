package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkService;

/** "Collect Results": checks every export arrived and records the environment. */
public final class CollectResultsHandler extends TaskHandler<TargetState, TargetState> {
    private final BenchmarkService service;

    public CollectResultsHandler(BenchmarkService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.collect(input);
    }
}
