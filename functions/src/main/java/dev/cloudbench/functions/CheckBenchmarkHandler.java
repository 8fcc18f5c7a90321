package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Check Benchmark": one status check of the bounded benchmark loop. */
public final class CheckBenchmarkHandler extends TaskHandler<TargetState, TargetState> {
    private final BenchmarkService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public CheckBenchmarkHandler() {
        this(Tasks.benchmarks(AwsPorts.forTask("CheckBenchmark")));
        primeForSnapStart("CheckBenchmark");
    }

    public CheckBenchmarkHandler(BenchmarkService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.check(input);
    }
}
