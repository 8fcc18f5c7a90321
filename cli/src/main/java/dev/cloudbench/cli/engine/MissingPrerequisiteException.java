package dev.cloudbench.cli.engine;

/** Something this host must provide (Node 22, npm, a tool) is missing; the message says what to do. */
public final class MissingPrerequisiteException extends RuntimeException {
    public MissingPrerequisiteException(String message) {
        super(message);
    }
}
