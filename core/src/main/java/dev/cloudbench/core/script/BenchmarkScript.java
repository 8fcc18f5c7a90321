package dev.cloudbench.core.script;

import static dev.cloudbench.core.script.ExitCodes.EXIT_SETUP;
import static dev.cloudbench.core.script.ExitCodes.EXIT_TIMEOUT;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.Suite;
import java.util.List;

/**
 * Generates the bash script that runs a suite on an instance — the same script whether the
 * "instance" is an EC2 machine reached through SSM or this host's bash.
 *
 * <p>The script records the environment, clones the repository (URL and ref were validated and are
 * single-quoted besides), runs the setup, then runs hyperfine once per benchmark with a JSON
 * export, with the noise canary before the first benchmark and after the last ({@link CanaryScript}) unless
 * the suite turned it off. Each export is uploaded as soon as it exists, and a progress file after each step, so a
 * failure or a reclaimed instance loses at most the benchmark in progress. Every upload goes to the
 * instance's inbox; who runs the suite is {@link SuiteBoundary}'s part. Exit codes: 0 all
 * benchmarks ran; {@value ExitCodes#EXIT_SETUP} clone or setup failed; a benchmark's own non-zero code when
 * it failed; {@value ExitCodes#EXIT_TIMEOUT} when a benchmark passed its own timeout.
 */
public final class BenchmarkScript {
    private BenchmarkScript() {
    }

    /** A script for a person to run by hand: it writes the target's own keys ({@link ScriptOutput#byHand}). */
    public static String generate(Suite suite, String runId, String targetId, String putFunction) {
        return generate(suite, runId, targetId, ScriptOutput.byHand(runId, targetId, putFunction));
    }

    /**
     * @param output where the script uploads: the instance's inbox and the store's {@code store_put}
     * @throws BadInputException a name that reaches the script (run, target, suite, benchmark,
     *                           variant) or the prefix is not of the safe alphabet: the records it
     *                           came from were changed after validation
     */
    public static String generate(Suite suite, String runId, String targetId, ScriptOutput output) {
        if (suite.hasVariants()) {
            return RoundsScript.first(suite, runId, targetId, output);
        }
        List<Benchmark> benchmarks = suite.benchmarks();
        StringBuilder s = new StringBuilder(4096);
        ScriptParts.header(s, suite, runId, targetId, "", benchmarks.size(), 0, output, false);
        s.append("progress setup setup\n");
        ScriptParts.environment(s);
        if (suite.countsInstructions()) {
            InstructionCounts.functions(s);
        }
        s.append("cd \"$CB_WORK\" || fail failed setup ").append(EXIT_SETUP).append(" 'no work directory'\n");
        if (suite.repository() != null) {
            clone(s, suite.repository());
        }
        for (int i = 0; i < suite.setup().size(); i++) {
            s.append("as_suite bash -euo pipefail -c ").append(Shell.quote(suite.setup().get(i)))
                    .append(" || fail failed setup ").append(EXIT_SETUP).append(' ')
                    .append(Shell.quote("setup command " + (i + 1) + " of " + suite.setup().size() + " failed"))
                    .append('\n');
        }
        CanaryScript.before(s, suite, runId, targetId);
        for (int i = 0; i < benchmarks.size(); i++) {
            benchmark(s, suite, benchmarks.get(i), i);
        }
        s.append(CanaryScript.after(suite, ""))
                .append("progress 'done' ''\n")
                .append("echo 'cloudbench: all ").append(benchmarks.size()).append(" benchmarks done'\n");
        return s.toString();
    }

    private static void clone(StringBuilder s, Repository repo) {
        ScriptParts.checkout(s, repo.url(), repo.ref(), "src", "commit.txt", "");
        s.append("cd src || fail failed setup ").append(EXIT_SETUP).append(" 'no checkout'\n");
    }

    private static void benchmark(StringBuilder s, Suite suite, Benchmark b, int index) {
        String name = b.name();
        String cmd = ScriptParts.hyperfine(suite, b, "\"$CB_WORK/raw/" + name + ".json\"");
        s.append("\n# Benchmark ").append(name).append('\n')
                .append("progress running ").append(name).append('\n')
                .append(cmd).append('\n')
                .append("rc=$?\n");
        if (b.timeoutSeconds() != null) {
            s.append("if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then fail timed-out ").append(name).append(' ')
                    .append(EXIT_TIMEOUT).append(' ')
                    .append(Shell.quote("benchmark " + name + " exceeded its timeout of " + b.timeoutSeconds() + " s"))
                    .append("; fi\n");
        }
        s.append("if [ $rc -ne 0 ]; then fail failed ").append(name).append(" $rc ")
                .append(Shell.quote("benchmark " + name + " failed")).append("\" with exit code $rc\"; fi\n")
                .append("upload \"$CB_WORK/raw/").append(name).append(".json\" \"${CB_PREFIX}raw/").append(name)
                .append(".json\"\n");
        if (suite.metricsOf(b).contains(Metric.INSTRUCTIONS)) {
            String counts = "raw/" + InstructionCounts.FOLDER + "/" + name + ".json";
            InstructionCounts.benchmarkFunction(s, index, b, suite.runsOf(b));
            s.append("as_suite mkdir -p \"$CB_WORK/raw/").append(InstructionCounts.FOLDER).append("\"\n")
                    .append("count_").append(index).append(" \"$CB_WORK/").append(counts).append("\"\n")
                    .append("rc=$?\n")
                    .append("if [ $rc -ne 0 ]; then fail failed ").append(name).append(" $rc ")
                    .append(Shell.quote("benchmark " + name + ": counting its instructions failed")).append("; fi\n")
                    .append("upload \"$CB_WORK/").append(counts).append("\" \"${CB_PREFIX}").append(counts).append("\"\n");
        }
        s.append("CB_DONE=$((CB_DONE + 1))\n");
    }
}
