package dev.cloudbench.core.error;

/** The machine image could not be built (or, locally, the host lacks a tool the suite needs). */
public final class ImageBuildFailedException extends CloudbenchException {
    public ImageBuildFailedException(String message) {
        super(message);
    }

    public ImageBuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
