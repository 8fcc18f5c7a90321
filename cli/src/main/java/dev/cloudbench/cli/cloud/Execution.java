package dev.cloudbench.cli.cloud;

import java.time.Instant;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * A cloud run as the commands see it: the Step Functions execution named after the run id, without
 * the SDK's types.
 *
 * @param runId  the run id (the execution's name)
 * @param status where the execution stands
 * @param start  when it started, or null when Step Functions did not say
 * @param stop   when it ended, or null while it runs
 * @param error  the error it failed with (e.g. {@code cloudbench.TargetsFailed}), or null
 * @param cause  the error's cause, or null
 */
public record Execution(String runId, Status status, Instant start, Instant stop, String error, String cause) {

    /** Step Functions' execution statuses; {@link #UNKNOWN} for one this SDK version does not know. */
    public enum Status { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE, UNKNOWN }

    static Execution of(DescribeExecutionResponse r) {
        return new Execution(r.name(), status(r.statusAsString()), r.startDate(), r.stopDate(), r.error(), r.cause());
    }

    static Execution of(ExecutionListItem e) {
        return new Execution(e.name(), status(e.statusAsString()), e.startDate(), e.stopDate(), null, null);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    private static Status status(String name) {
        for (Status s : Status.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return Status.UNKNOWN;
    }
}
