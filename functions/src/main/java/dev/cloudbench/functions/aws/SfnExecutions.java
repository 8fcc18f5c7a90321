package dev.cloudbench.functions.aws;

import dev.cloudbench.core.port.ExecutionsPort;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

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

    /**
     * SendTaskSuccess. A task that already ended answers TaskTimedOut (timed out or already
     * answered), TaskDoesNotExist or InvalidToken: no task waits, which is no error here.
     * https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html
     */
    @Override
    public boolean sendTaskSuccess(String taskToken, String output) {
        try {
            sfn.sendTaskSuccess(b -> b.taskToken(taskToken).output(output));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            return false;
        }
    }
}
