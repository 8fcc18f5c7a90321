package dev.cloudbench.cli.engine;

import java.util.List;

/**
 * Something this host must provide (Node 22, npm, a tool) is missing; each problem is one line
 * saying what is missing and how to fix it.
 */
public final class MissingPrerequisiteException extends RuntimeException {
    private final List<String> problems;

    public MissingPrerequisiteException(String message) {
        this(List.of(message));
    }

    /** @param problems one line each, reported together */
    public MissingPrerequisiteException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every missing prerequisite, one line each. */
    public List<String> problems() {
        return problems;
    }
}
