package dev.cloudbench.core.port;

/** The state machine's executions (Step Functions in AWS; the CLI's own run locally). */
public interface ExecutionsPort {

    /**
     * Whether the execution of the run is still running. A run's execution is named after the
     * run id. An execution that cannot be found is not running.
     */
    boolean isRunning(String runId);
}
