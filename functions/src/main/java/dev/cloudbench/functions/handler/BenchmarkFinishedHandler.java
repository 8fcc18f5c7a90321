package dev.cloudbench.functions.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.cloudbench.core.service.BenchmarkCallbacks;
import java.util.Map;

/**
 * Target of the EventBridge rules on an instance's events — SSM's "EC2 Command Invocation
 * Status-change Notification" (a command ended), EC2's "EC2 Spot Instance Interruption Warning" and
 * "EC2 Instance State-change Notification" (the instance is going away): wakes the "Wait For
 * Benchmark" task waiting for that instance. Locally, the runner's shell sends the same event when
 * a script ends. The event arrives in EventBridge's envelope, read as aws-lambda-java-events'
 * {@link ScheduledEvent}; each of these events carries {@code detail.instance-id}:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-systems-manager-event-examples.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html,
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ec2.html.
 */
public final class BenchmarkFinishedHandler extends TaskHandler<ScheduledEvent, BenchmarkFinishedHandler.Result> {

    /** @param woken whether a task was waiting for the instance */
    public record Result(String instanceId, boolean woken) {
    }

    private final BenchmarkCallbacks callbacks;

    public BenchmarkFinishedHandler(BenchmarkCallbacks callbacks) {
        super(ScheduledEvent.class, EventBridgeJson.MAPPER);
        this.callbacks = callbacks;
    }

    @Override
    protected Result handle(ScheduledEvent event) {
        Map<String, Object> detail = event.getDetail();
        Object id = detail == null ? null : detail.get("instance-id");
        String instanceId = id instanceof String s ? s : null;
        return new Result(instanceId, callbacks.wake(instanceId));
    }
}
