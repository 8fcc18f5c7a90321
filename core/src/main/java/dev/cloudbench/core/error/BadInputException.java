package dev.cloudbench.core.error;

/** The request, the suite or a target is invalid; nothing was started. Never retried. */
public final class BadInputException extends CloudbenchException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
