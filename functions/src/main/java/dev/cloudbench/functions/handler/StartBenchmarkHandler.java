package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkService;

/** "Start Benchmark": sends the generated suite script to the instance. */
public final class StartBenchmarkHandler extends TaskHandler<TargetState, TargetState> {
    private final BenchmarkService service;

    public StartBenchmarkHandler(BenchmarkService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.start(input);
    }
}
