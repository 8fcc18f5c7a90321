package dev.cloudbench.core.error;

/** The instance went away while working, for example a spot reclaim. */
public final class InstanceInterruptedException extends CloudbenchException {
    public InstanceInterruptedException(String message) {
        super(message);
    }

    public InstanceInterruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
