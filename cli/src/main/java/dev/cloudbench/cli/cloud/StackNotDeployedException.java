package dev.cloudbench.cli.cloud;

/** The named stack is not in the region, or lacks what a cloudbench stack has. The message says what to do. */
public final class StackNotDeployedException extends RuntimeException {
    public StackNotDeployedException(String message) {
        super(message);
    }
}
