package dev.cloudbench.core.error;

/** A setup command or a benchmark command exited non-zero on the instance. */
public final class BenchmarkFailedException extends CloudbenchException {
    public BenchmarkFailedException(String message) {
        super(message);
    }

    public BenchmarkFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
