package dev.cloudbench.core.error;

/**
 * Base of the domain failures. Step Functions sees the fully qualified class name of the thrown
 * exception as the error name, so these class names are part of the state machine's contract:
 * renaming one means changing the Retry and Catch clauses that name it.
 */
public abstract class CloudbenchException extends RuntimeException {
    protected CloudbenchException(String message) {
        super(message);
    }

    protected CloudbenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
