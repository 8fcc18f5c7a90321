package dev.cloudbench.core.error;

/** The instance did not become ready for commands within the allowed number of checks. */
public final class InstanceNotReadyException extends CloudbenchException {
    public InstanceNotReadyException(String message) {
        super(message);
    }

    public InstanceNotReadyException(String message, Throwable cause) {
        super(message, cause);
    }
}
