package dev.cloudbench.core.error;

/** No capacity for the requested instance type in the requested market and zones. */
public final class CapacityUnavailableException extends CloudbenchException {
    public CapacityUnavailableException(String message) {
        super(message);
    }

    public CapacityUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
