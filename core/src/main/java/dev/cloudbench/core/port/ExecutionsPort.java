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
}
