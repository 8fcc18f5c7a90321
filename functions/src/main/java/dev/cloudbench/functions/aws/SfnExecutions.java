package dev.cloudbench.functions.aws;

import dev.cloudbench.core.port.ExecutionsPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The state machine's executions through Step Functions. A run's execution is named after the run
 * id, so its ARN follows from the state machine's: {@code arn:...:execution:<machine>:<run-id>}.
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
        try {
            return sfn.describeExecution(b -> b.executionArn(executionArn(stateMachineArn, runId))).status()
                    == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }
}
