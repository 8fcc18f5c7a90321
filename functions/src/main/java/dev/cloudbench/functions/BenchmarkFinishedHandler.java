package dev.cloudbench.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cloudbench.core.service.BenchmarkCallbacks;
import dev.cloudbench.functions.aws.AwsPorts;

/**
 * Target of the EventBridge rules on an instance's events — SSM's "EC2 Command Invocation
 * Status-change Notification" (a command ended), EC2's "EC2 Spot Instance Interruption Warning" and
 * "EC2 Instance State-change Notification" (the instance is going away): wakes the "Wait For
 * Benchmark" task waiting for that instance. Locally, the runner's shell sends the same event when
 * a script ends. Each of these events carries {@code detail.instance-id}:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-systems-manager-event-examples.html,
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/spot-instance-termination-notices.html,
 * https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-ec2.html.
 */
public final class BenchmarkFinishedHandler
        extends TaskHandler<BenchmarkFinishedHandler.InstanceEvent, BenchmarkFinishedHandler.Result> {

    /** The part of an EventBridge event this function reads. */
    public record InstanceEvent(String source, @JsonProperty("detail-type") String detailType, Detail detail) {
    }

    /**
     * @param instanceId the instance the event is about
     * @param commandId  SSM's command (command events only)
     * @param status     SSM's invocation status (command events only)
     * @param state      EC2's instance state (state-change events only)
     */
    public record Detail(@JsonProperty("instance-id") String instanceId, @JsonProperty("command-id") String commandId,
                         String status, String state) {
    }

    /** @param woken whether a task was waiting for the instance */
    public record Result(String instanceId, boolean woken) {
    }

    private final BenchmarkCallbacks callbacks;

    /** The constructor Lambda calls: this function's AWS adapters, built once per container. */
    public BenchmarkFinishedHandler() {
        this(Tasks.callbacks(AwsPorts.forTask("BenchmarkFinished")));
        primeForSnapStart("BenchmarkFinished");
    }

    public BenchmarkFinishedHandler(BenchmarkCallbacks callbacks) {
        super(InstanceEvent.class);
        this.callbacks = callbacks;
    }

    @Override
    protected Result handle(InstanceEvent event) {
        String instanceId = event.detail() == null ? null : event.detail().instanceId();
        return new Result(instanceId, callbacks.wake(instanceId));
    }
}
