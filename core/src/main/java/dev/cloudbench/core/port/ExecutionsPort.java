package dev.cloudbench.core.port;

/** The state machine's executions (Step Functions in AWS; the CLI's own run locally). */
public interface ExecutionsPort {

    /**
     * Whether the execution of the run is still running. A run's execution is named after the
     * run id. An execution that cannot be found is not running.
     */
    boolean isRunning(String runId);

    /**
     * Whether the execution with this id (Step Functions: its ARN, {@code $$.Execution.Id}) is
     * still running, whatever its name. An execution that cannot be found is not running.
     *
     * <p>The default asks by the execution's name, the part after the id's last {@code :} — right
     * where every execution is named after its run, as locally; Step Functions overrides it.
     */
    default boolean isExecutionRunning(String executionArn) {
        return isRunning(executionArn.substring(executionArn.lastIndexOf(':') + 1));
    }

    /**
     * Completes the callback task ({@code .waitForTaskToken}) that waits with {@code taskToken}
     * (Step Functions: SendTaskSuccess). A token whose task already ended — answered, timed out,
     * its execution stopped — or that was never issued is no error: a late or repeated answer is
     * expected, since every wake-up is followed by a check of its own.
     *
     * @param output the task's output, a JSON document
     * @return whether a task was waiting with the token
     * @throws UnsupportedOperationException this port does not answer callbacks
     */
    default boolean sendTaskSuccess(String taskToken, String output) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not answer task callbacks");
    }
}
