package dev.cloudbench.functions.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.ExecutionStatusEvent;
import dev.cloudbench.core.service.CleanupService;

/**
 * Target of the EventBridge rule on "Step Functions Execution Status Change" (FAILED, TIMED_OUT,
 * ABORTED): terminates the run's instances, since no Catch runs when an execution is stopped or
 * times out. The event arrives in EventBridge's envelope, read as aws-lambda-java-events'
 * {@link ScheduledEvent}; its {@code detail} is the execution
 * (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-states.html).
 */
public final class CleanupExecutionHandler extends TaskHandler<ScheduledEvent, CleanupReport> {
    private final CleanupService service;

    public CleanupExecutionHandler(CleanupService service) {
        super(ScheduledEvent.class, EventBridgeJson.MAPPER);
        this.service = service;
    }

    @Override
    protected CleanupReport handle(ScheduledEvent input) {
        ExecutionStatusEvent event = new ExecutionStatusEvent(input.getDetailType(), input.getSource(),
                input.getDetail() == null ? null
                        : Json.payload().convertValue(input.getDetail(), ExecutionStatusEvent.Detail.class));
        CleanupReport report = service.cleanUp(event);
        if (!report.terminated().isEmpty()) {
            System.out.println("cleanup: execution " + event.detail().executionArn() + " ended "
                    + event.detail().status() + "; terminated " + report.terminated() + " of run " + report.runId());
        }
        return report;
    }
}
