package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkService;

/** "Check Benchmark": one status check of the bounded benchmark loop. */
public final class CheckBenchmarkHandler extends TaskHandler<TargetState, TargetState> {
    private final BenchmarkService service;

    public CheckBenchmarkHandler(BenchmarkService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.check(input);
    }
}
