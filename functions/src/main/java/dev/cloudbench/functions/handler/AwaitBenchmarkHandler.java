package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.BenchmarkCallbacks;

/**
 * "Wait For Benchmark", a callback task ({@code lambda:invoke.waitForTaskToken}): keeps the task's
 * token for the event that ends the benchmark, and returns at once. Step Functions ignores what it
 * returns; the task ends when {@link BenchmarkFinishedHandler} (or this handler, for a command that
 * already ended) sends the token back, or at the state's timeout.
 */
public final class AwaitBenchmarkHandler extends TaskHandler<AwaitBenchmarkHandler.Input, AwaitBenchmarkHandler.Output> {
    /**
     * @param state     the target's state after "Start Benchmark"
     * @param taskToken {@code $$.Task.Token}
     */
    public record Input(TargetState state, String taskToken) {
    }

    /** @param wokenAtOnce the command had ended already: the token was sent back at once */
    public record Output(boolean wokenAtOnce) {
    }

    private final BenchmarkCallbacks callbacks;

    public AwaitBenchmarkHandler(BenchmarkCallbacks callbacks) {
        super(Input.class);
        this.callbacks = callbacks;
    }

    @Override
    protected Output handle(Input input) {
        return new Output(callbacks.await(input.state(), input.taskToken()));
    }
}
