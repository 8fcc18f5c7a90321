package dev.cloudbench.core.script;

/**
 * Exit codes of the generated scripts besides 0 (all benchmarks ran) and a benchmark's own non-zero
 * code, one set for every part of a script ({@link BenchmarkScript}, {@link RoundsScript},
 * {@link SuiteBoundary}).
 */
public final class ExitCodes {
    /** Clone, setup or the script's own directories failed: nothing of the suite was measured. */
    public static final int EXIT_SETUP = 90;
    /** A benchmark passed its own timeout (the code {@code timeout} itself exits with). */
    public static final int EXIT_TIMEOUT = 124;

    private ExitCodes() {
    }
}
