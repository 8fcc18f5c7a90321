package dev.cloudbench.core.error;

/** An account limit (vCPU quota, instance limit) stops the launch. Not retried: it needs a person. */
public final class QuotaExceededException extends CloudbenchException {
    public QuotaExceededException(String message) {
        super(message);
    }

    public QuotaExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
