package dev.cloudbench.cli;

/** The exit codes of every cloudbench command; documented in the README. */
public final class ExitCodes {
    /** Everything ran. */
    public static final int OK = 0;
    /** The run ended failed: a benchmark, a target or a step failed. Results measured are kept. */
    public static final int RUN_FAILED = 1;
    /** Bad input: a usage error, or a suite or request that failed validation. Nothing started. */
    public static final int BAD_INPUT = 2;
    /** This host lacks something needed (hyperfine, git, Node 22, npm). */
    public static final int MISSING_PREREQUISITE = 3;
    /** An unexpected internal error; --verbose shows its stack trace. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }
}
