package dev.cloudbench.core.port;

/**
 * @param state      where the command stands
 * @param exitCode   the script's exit code once it ended, else null
 * @param stderrTail the last lines of its standard error (for messages), may be empty
 */
public record CommandStatus(State state, Integer exitCode, String stderrTail) {

    /** Command lifecycle. */
    public enum State { PENDING, RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED }

    public boolean finished() {
        return state != State.PENDING && state != State.RUNNING;
    }
}
