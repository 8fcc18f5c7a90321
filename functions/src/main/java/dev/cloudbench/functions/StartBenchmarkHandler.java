package dev.cloudbench.functions;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Start Benchmark": sends the generated suite script to the instance. */
public final class StartBenchmarkHandler extends TaskHandler<TargetState, TargetState> {
    private final BenchmarkService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public StartBenchmarkHandler() {
        this(Tasks.benchmarks(AwsPorts.forTask("StartBenchmark")));
        primeForSnapStart("StartBenchmark");
    }

    public StartBenchmarkHandler(BenchmarkService service) {
        super(TargetState.class);
        this.service = service;
    }

    @Override
    protected TargetState handle(TargetState input) {
        return service.start(input);
    }
}
