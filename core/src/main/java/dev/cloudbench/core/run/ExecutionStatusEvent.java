package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The EventBridge event "Step Functions Execution Status Change", as the execution-status rule
 * delivers it to the cleanup function.
 *
 * @param detailType always "Step Functions Execution Status Change"
 * @param source     always "aws.states"
 * @param detail     the execution
 */
public record ExecutionStatusEvent(@JsonProperty("detail-type") String detailType, String source, Detail detail) {
    public static final String DETAIL_TYPE = "Step Functions Execution Status Change";

    /**
     * @param executionArn    the execution
     * @param stateMachineArn its state machine
     * @param name            the execution's name: the run id when cloudbench started it
     * @param status          RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED
     * @param input           the execution's input, as a JSON string
     */
    public record Detail(String executionArn, String stateMachineArn, String name, String status, String input) {
    }
}
