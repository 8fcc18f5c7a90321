package dev.cloudbench.functions.aws;

import dev.cloudbench.core.port.ExecutionsPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The state machine's executions through Step Functions. An instance tagged with the ARN of the
 * execution that launched it is asked about by that ARN; for older instances the ARN follows from
 * the run id, their execution being named after it: {@code arn:...:execution:<machine>:<run-id>}.
 */
public final class SfnExecutions implements ExecutionsPort {
    private final SfnClient sfn;
    private final String stateMachineArn;

    /** @param stateMachineArn {@code STATE_MACHINE_ARN} */
    public SfnExecutions(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = AwsSettings.required(stateMachineArn, "STATE_MACHINE_ARN");
    }

    static String executionArn(String stateMachineArn, String runId) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + runId;
    }

    @Override
    public boolean isRunning(String runId) {
        return isExecutionRunning(executionArn(stateMachineArn, runId));
    }

    @Override
    public boolean isExecutionRunning(String executionArn) {
        try {
            return sfn.describeExecution(b -> b.executionArn(executionArn)).status() == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }
}
