package dev.cloudbench.cli.cloud;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.functions.aws.SfnExecutions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;

/**
 * The stack's runs in Step Functions — the one place the commands reach executions through: start,
 * list, describe, follow (history) and stop. Runs are named by their run id; a run the stack does
 * not have is bad input naming the stack.
 */
public final class Executions {
    private final SfnClient sfn;
    private final Stack stack;

    public Executions(SfnClient sfn, Stack stack) {
        this.sfn = sfn;
        this.stack = stack;
    }

    /** Starts the request's run; its execution ARN. A run id already taken or refused is bad input. */
    public String start(RunRequest request) {
        try {
            return sfn.startExecution(r -> r.stateMachineArn(stack.stateMachineArn()).name(request.runId())
                    .input(Json.write(request))).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            throw new BadInputException("--run-id: run '" + request.runId() + "' already exists in stack " + stack.name()
                    + "; results are never overwritten");
        } catch (InvalidNameException e) {
            throw new BadInputException("--run-id: '" + request.runId() + "' is not a valid execution name");
        }
    }

    /** The newest runs first, at most {@code limit}, only those in {@code status} unless it is null. */
    public List<Execution> list(Execution.Status status, int limit) {
        ExecutionStatus filter = status == null ? null : ExecutionStatus.fromValue(status.name());
        return sfn.listExecutionsPaginator(r -> r.stateMachineArn(stack.stateMachineArn()).statusFilter(filter)
                        .maxResults(Math.min(limit, 1000)))
                .executions().stream().limit(limit).map(Execution::of).toList();
    }

    /** The newest run's id, if the stack has any. */
    public Optional<String> latest() {
        return sfn.listExecutions(r -> r.stateMachineArn(stack.stateMachineArn()).maxResults(1))
                .executions().stream().findFirst().map(e -> e.name());
    }

    /** @throws BadInputException when the stack has no such run */
    public Execution describe(String runId) {
        try {
            return Execution.of(sfn.describeExecution(r -> r.executionArn(stack.executionArn(runId))));
        } catch (ExecutionDoesNotExistException e) {
            throw noSuchRun(runId);
        }
    }

    /** The run's history as it grows. */
    public HistoryFeed history(String runId) {
        return new HistoryFeed(sfn, stack.executionArn(runId));
    }

    /** Follows the run, looking every {@code interval}. */
    public ExecutionWatch watch(String runId, Duration interval) {
        return new ExecutionWatch(this, runId, interval);
    }

    /**
     * StopExecution with the given error and cause.
     *
     * @return empty when stopped, else Step Functions' reason for refusing
     */
    public Optional<String> stop(String runId, String error, String cause) {
        try {
            sfn.stopExecution(r -> r.executionArn(stack.executionArn(runId)).error(error).cause(cause));
            return Optional.empty();
        } catch (AwsServiceException e) {
            return Optional.of(e.awsErrorDetails().errorMessage());
        }
    }

    /** Whether runs still run, as the sweeper asks it. */
    public ExecutionsPort asPort() {
        return new SfnExecutions(sfn, stack.stateMachineArn());
    }

    /** The bad input of naming a run the stack does not have. */
    BadInputException noSuchRun(String runId) {
        return new BadInputException("no run '" + runId + "' in " + stack.label() + "; cloudbench list shows its runs");
    }
}
