package dev.cloudbench.core.error;

/** A result the run expected is not in the result store, or is not a hyperfine export. */
public final class ResultsMissingException extends CloudbenchException {
    public ResultsMissingException(String message) {
        super(message);
    }

    public ResultsMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
