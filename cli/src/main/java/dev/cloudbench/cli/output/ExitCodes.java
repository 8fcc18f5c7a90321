package dev.cloudbench.cli.output;

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
    /** A cloud run finished, but some of its targets failed; the others' results are kept. */
    public static final int TARGETS_FAILED = 5;
    /** No AWS credentials or region, or the credentials expired or were refused. */
    public static final int NO_CREDENTIALS = 6;
    /** The cloudbench stack is not deployed in this region (or is not a cloudbench stack). */
    public static final int STACK_NOT_DEPLOYED = 7;
    /** The credentials are valid but not allowed to do what the command needs. */
    public static final int ACCESS_DENIED = 8;
    /**
     * {@code --fail-on-regression PCT}: a benchmark was confirmed slower than the baseline by more
     * than PCT on some target (verdict slower); unstable and unchanged never give this code.
     */
    public static final int REGRESSION = 9;

    private ExitCodes() {
    }
}
