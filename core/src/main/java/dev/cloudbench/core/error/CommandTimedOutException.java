package dev.cloudbench.core.error;

/** A benchmark or the whole suite ran past its timeout, or the run passed its deadline. */
public final class CommandTimedOutException extends CloudbenchException {
    public CommandTimedOutException(String message) {
        super(message);
    }

    public CommandTimedOutException(String message, Throwable cause) {
        super(message, cause);
    }
}
