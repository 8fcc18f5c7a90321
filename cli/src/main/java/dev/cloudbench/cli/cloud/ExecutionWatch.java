package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.engine.EngineEvent;
import java.time.Duration;
import java.util.function.Consumer;

/** Follows one run: its history as events, and its status, until it ends. */
public final class ExecutionWatch {
    private final Executions executions;
    private final String runId;
    private final Duration interval;
    private final HistoryFeed feed;

    ExecutionWatch(Executions executions, String runId, Duration interval) {
        this.executions = executions;
        this.runId = runId;
        this.interval = interval;
        this.feed = executions.history(runId);
    }

    /**
     * Gives {@code sink} the events added since the last look and returns the run's execution.
     * The status is read first: once it says the execution ended, the history read after it is
     * complete.
     *
     * @throws dev.cloudbench.core.error.BadInputException when the stack has no such run
     */
    public Execution look(Consumer<EngineEvent> sink) {
        Execution status = executions.describe(runId);
        feed.poll().forEach(sink);
        return status;
    }

    /** Looks every interval until the execution is no longer running; returns how it ended. */
    public Execution follow(Consumer<EngineEvent> sink) throws InterruptedException {
        while (true) {
            Execution status = look(sink);
            if (!status.running()) {
                return status;
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
