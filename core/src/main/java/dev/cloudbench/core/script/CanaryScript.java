package dev.cloudbench.core.script;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.results.Canary;

/**
 * The noise canary in the instance script: a short fixed workload timed by hyperfine before the
 * suite's first benchmark (after the setup, so it sees the machine the benchmarks see) and after
 * its last, exported to {@code raw/canary/before.json} and {@code raw/canary/after.json} and
 * uploaded like every export. A suite with variants runs "before" in its first command, before the
 * first round (outside the rounds' time budget), and "after" at the end of every command, the last
 * one's overwriting the earlier ones: whatever command ends the target, its "after" is the latest
 * there is.
 *
 * <p>The workload is one awk loop run twice: a linear congruential generator (exact in awk's
 * doubles) picks a pseudo-random byte of a string per iteration. For the {@link Canary#CPU} part
 * the string is {@value #CPU_BYTES} bytes, in the L1 cache: the loop is the interpreter's arithmetic.
 * For the {@link Canary#MEMORY} part it is {@value #MEMORY_BYTES} bytes: 8–16 times the L2 cache of
 * the instances cloudbench launches (1–2 MiB per core), so nearly every access leaves the core's
 * own caches for the shared last-level cache or memory — what a neighbour competes for, where the
 * cores themselves are not shared. Same instructions, different working set: the difference between
 * the two parts is memory latency. Deterministic in work (a fixed seed, no clock, no input), and it
 * needs nothing but awk and hyperfine, which every image and every local run have. {@code hyperfine
 * -N} runs it without a shell, so there is no shell calibration to wait for.
 *
 * <p>A canary failure never fails the script: a note goes to {@code env/canary-PASS.txt} and the
 * benchmarks' results are what they would have been; the canary's record says what is missing.
 */
final class CanaryScript {
    static final int CPU_BYTES = 1 << 12;
    static final int MEMORY_BYTES = 1 << 24;
    /**
     * Accesses per run, and runs per part and pass: a pass took 0.5–0.7 s on a loaded 2-core EPYC VM (runs
     * of ~25 ms and ~80 ms; docs/measurement.md). No warmup: awk is in the page cache by then, and the
     * robust spread and the medians shrug off one slow first run.
     */
    static final int ITERATIONS = 50_000;
    static final int WARMUP = 0;
    static final int RUNS = 5;
    /** A bound on a pass that normally takes under a second: a canary must never hold the suite up. */
    static final int TIMEOUT_SECONDS = 60;
    /**
     * {@code K}: the string doubles K times; {@code N}: iterations. The generator is taken modulo 2^26
     * with a multiplier below 2^21, so that every product stays below 2^53 and awk's doubles hold it
     * exactly, on any awk (mawk on Ubuntu, gawk on Amazon Linux).
     */
    static final String PROGRAM = "BEGIN { s = \"a\"; for (k = 0; k < K; k++) s = s s; n = length(s); x = 1;"
            + " for (i = 0; i < N; i++) { x = (x * 1664525 + 1013904223) % 67108864;"
            + " c += substr(s, x % n + 1, 1) == \"a\" } print c }";

    private CanaryScript() {
    }

    /** The awk command of a part whose string is {@code bytes} long, as hyperfine -N splits it. */
    static String command(int bytes) {
        return "awk -v K=" + Integer.numberOfTrailingZeros(bytes) + " -v N=" + ITERATIONS + " '" + PROGRAM + "'";
    }

    /** The canary's function, then its pass before the suite; nothing when the suite turned it off. */
    static void before(StringBuilder s, Suite suite, String runId, String targetId) {
        if (suite.effectiveCanary().on()) {
            function(s, runId, targetId);
            s.append("canary ").append(Canary.BEFORE).append('\n');
        }
    }

    /** The canary's function alone, for a later command that ends with {@link #after}. */
    static void define(StringBuilder s, Suite suite, String runId, String targetId) {
        if (suite.effectiveCanary().on()) {
            function(s, runId, targetId);
        }
    }

    /** The line that runs the canary's pass after the suite ({@code indent} before it), or nothing when it is off. */
    static String after(Suite suite, String indent) {
        return suite.effectiveCanary().on() ? indent + "canary " + Canary.AFTER + "\n" : "";
    }

    /** {@code canary PASS}: runs the canary and uploads its export, or notes why not; always returns 0. */
    private static void function(StringBuilder s, String runId, String targetId) {
        String export = StoreLayout.canaryExport(runId, targetId, "$1")
                .substring(StoreLayout.target(runId, targetId).length());
        s.append("# canary before|after: the noise canary (docs/measurement.md); a failure is noted, never fatal.\n")
                .append("canary() {\n")
                .append("  local rc\n")
                .append("  as_suite mkdir -p \"$CB_WORK/").append(export, 0, export.lastIndexOf('/')).append("\" &&\n")
                .append("    as_suite timeout --kill-after=5 ").append(TIMEOUT_SECONDS)
                .append(" hyperfine -N --style basic --warmup ").append(WARMUP).append(" --runs ").append(RUNS)
                .append(" --export-json \"$CB_WORK/").append(export).append("\"")
                .append(" -n ").append(Canary.CPU).append(' ').append(Shell.quote(command(CPU_BYTES)))
                .append(" -n ").append(Canary.MEMORY).append(' ').append(Shell.quote(command(MEMORY_BYTES)))
                .append(" > \"$CB_OWN/canary.log\" 2>&1\n")
                .append("  rc=$?\n")
                .append("  if [ $rc -eq 0 ]; then\n")
                .append("    upload \"$CB_WORK/").append(export).append("\" \"${CB_PREFIX}").append(export).append("\"\n")
                .append("  else\n")
                .append("    { echo \"the canary $1 the suite failed with exit code $rc\"; tail -n 3 \"$CB_OWN/canary.log\"; }"
                        + " > \"$CB_OWN/env/canary-$1.txt\"\n")
                .append("    upload \"$CB_OWN/env/canary-$1.txt\" \"${CB_PREFIX}env/canary-$1.txt\"\n")
                .append("    echo \"cloudbench: the noise canary $1 the suite failed (exit code $rc); the results are kept"
                        + " without it\" >&2\n")
                .append("  fi\n")
                .append("  return 0\n")
                .append("}\n");
    }
}
