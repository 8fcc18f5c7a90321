package dev.cloudbench.functions.aws;

import dev.cloudbench.core.error.CapacityUnavailableException;
import dev.cloudbench.core.port.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.StateReason;

/** EC2 instance states and state reasons as a run sees them. */
final class InstanceStates {
    private InstanceStates() {
    }

    /**
     * @throws CapacityUnavailableException EC2 ended the instance for lack of capacity before it ran
     */
    static InstanceStatus status(Instance instance) {
        String state = instance.state().nameAsString();
        StateReason reason = instance.stateReason();
        String code = reason == null || reason.code() == null ? "" : reason.code();
        String message = reason == null ? null : reason.message();
        switch (state) {
            case "pending":
                return new InstanceStatus(InstanceStatus.State.PENDING, null);
            case "running":
                return new InstanceStatus(InstanceStatus.State.RUNNING, null);
            default:
                break;
        }
        // shutting-down, terminated, stopping, stopped: the instance will not run the benchmark.
        if (code.startsWith("Server.SpotInstance")) {
            return new InstanceStatus(InstanceStatus.State.INTERRUPTED,
                    "spot instance reclaimed (" + code + ")");
        }
        if (code.equals("Server.InsufficientInstanceCapacity")) {
            throw new CapacityUnavailableException("instance " + instance.instanceId() + " of type "
                    + instance.instanceTypeAsString() + " ended before it ran: " + message);
        }
        return new InstanceStatus(InstanceStatus.State.TERMINATED,
                state + (message == null ? "" : ": " + message));
    }
}
