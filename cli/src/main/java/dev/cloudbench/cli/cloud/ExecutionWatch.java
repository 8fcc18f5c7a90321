package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.engine.EngineEvent;
import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Follows one execution: its history as events, and its status, until it ends. */
public final class ExecutionWatch {
    private final SfnClient sfn;
    private final String executionArn;
    private final Duration interval;
    private final HistoryFeed feed;

    public ExecutionWatch(SfnClient sfn, String executionArn, Duration interval) {
        this.sfn = sfn;
        this.executionArn = executionArn;
        this.interval = interval;
        this.feed = new HistoryFeed(sfn, executionArn);
    }

    /**
     * Gives {@code sink} the events added since the last look and returns the execution's status.
     * The status is read first: once it says the execution ended, the history read after it is
     * complete.
     */
    public DescribeExecutionResponse look(Consumer<EngineEvent> sink) {
        DescribeExecutionResponse status = sfn.describeExecution(r -> r.executionArn(executionArn));
        feed.poll().forEach(sink);
        return status;
    }

    /** Looks every interval until the execution is no longer running; returns how it ended. */
    public DescribeExecutionResponse follow(Consumer<EngineEvent> sink) throws InterruptedException {
        while (true) {
            DescribeExecutionResponse status = look(sink);
            if (status.status() != ExecutionStatus.RUNNING) {
                return status;
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
