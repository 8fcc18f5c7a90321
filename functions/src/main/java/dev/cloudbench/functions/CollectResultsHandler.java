package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Collect Results": checks every export arrived and records the environment. */
public final class CollectResultsHandler extends TaskHandler<TargetState, TargetState> {
    private final BenchmarkService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public CollectResultsHandler() {
        this(Tasks.benchmarks(AwsPorts.forTask("CollectResults")));
        primeForSnapStart("CollectResults");
    }

    public CollectResultsHandler(BenchmarkService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.collect(input);
    }
}
