package dev.cloudbench.core.script;

import static dev.cloudbench.core.script.ExitCodes.EXIT_SETUP;
import static dev.cloudbench.core.script.ExitCodes.EXIT_TIMEOUT;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.rounds.RoundPlan;
import java.util.List;
import java.util.Map;

/**
 * The script of a suite with variants: interleaved rounds on one instance. Each round runs every
 * benchmark, and for each benchmark every variant once — hyperfine called once per variant with
 * the suite's warmup and runs — in the order the {@link RoundPlan} gives for that round (random or
 * rotating). Each call's export is uploaded as soon as it exists, as
 * {@code raw/BENCHMARK/round-R-P-VARIANT.json}, so a failure loses at most the call in progress and
 * the order that actually ran is in the names.
 *
 * <p>The statistics run in Java, between commands: the first command prepares the checkouts and
 * measures the rounds up to the first look; "Collect Results" decides, and when more rounds are
 * needed the state machine starts {@link #more} on the same instance, which measures the next
 * rounds in the directories the first command prepared. Only the time budget is checked here: no
 * round starts once {@code maxSeconds} have passed since the first round started.
 */
public final class RoundsScript {
    private RoundsScript() {
    }

    /** A first script for a person to run by hand: it writes the target's own keys. */
    public static String first(Suite suite, String runId, String targetId, String putFunction) {
        return first(suite, runId, targetId, ScriptOutput.byHand(runId, targetId, putFunction));
    }

    /** Environment, checkouts, setup, then rounds 1 to the plan's first look. */
    public static String first(Suite suite, String runId, String targetId, ScriptOutput output) {
        RoundPlan plan = RoundPlan.of(suite, runId, targetId);
        int last = plan.firstLook();
        StringBuilder s = new StringBuilder(8192);
        ScriptParts.header(s, suite, runId, targetId, ", rounds 1-" + last + " of at most " + plan.max(), last, 0,
                output, true);
        s.append("progress setup setup\n");
        ScriptParts.environment(s);
        if (suite.countsInstructions()) {
            InstructionCounts.functions(s);
        }
        s.append("cd \"$CB_WORK\" || fail failed setup ").append(EXIT_SETUP).append(" 'no work directory'\n");
        checkouts(s, suite);
        CanaryScript.before(s, suite, runId, targetId);
        s.append("date +%s > \"$CB_OWN/rounds-started\"\n");
        rounds(s, suite, runId, targetId, plan, 1, last);
        return s.toString();
    }

    /** A script for more rounds, for a person to run by hand: it writes the target's own keys. */
    public static String more(Suite suite, String runId, String targetId, String putFunction, int from, int to) {
        return more(suite, runId, targetId, ScriptOutput.byHand(runId, targetId, putFunction), from, to);
    }

    /** Rounds {@code from} to {@code to}, in the work directory the first command prepared. */
    public static String more(Suite suite, String runId, String targetId, ScriptOutput output, int from, int to) {
        RoundPlan plan = RoundPlan.of(suite, runId, targetId);
        StringBuilder s = new StringBuilder(8192);
        ScriptParts.header(s, suite, runId, targetId, ", rounds " + from + "-" + to + " of at most " + plan.max(),
                to, from - 1, output, true);
        s.append("cd \"$CB_WORK\" && [ -f \"$CB_OWN/rounds-started\" ] || fail failed setup ").append(EXIT_SETUP)
                .append(" 'the first rounds did not run in this directory'\n");
        if (suite.countsInstructions()) {
            InstructionCounts.functions(s);
        }
        CanaryScript.define(s, suite, runId, targetId);
        rounds(s, suite, runId, targetId, plan, from, to);
        return s.toString();
    }

    /**
     * The suite's repository once for the variants without a ref of their own (in {@code src}, as
     * without variants), and once per variant with a ref (in {@code variants/NAME}); the setup runs
     * in each checkout, in a variant's own checkout with its environment.
     */
    private static void checkouts(StringBuilder s, Suite suite) {
        boolean shared = suite.variants().stream().anyMatch(v -> !v.hasOwnCheckout());
        if (shared) {
            if (suite.repository() != null) {
                ScriptParts.checkout(s, suite.repository().url(), suite.repository().ref(), "src", "commit.txt", "");
            }
            setup(s, suite, suite.repository() == null ? "\"$CB_WORK\"" : "\"$CB_WORK/src\"", null);
        }
        for (Variant v : suite.variants()) {
            if (v.hasOwnCheckout()) {
                String dir = Shell.quote("variants/" + v.name());
                s.append("as_suite mkdir -p variants || fail failed setup ").append(EXIT_SETUP).append(" 'no variants directory'\n");
                ScriptParts.checkout(s, suite.repository().url(), v.ref(), dir,
                        Shell.quote("commit-" + v.name() + ".txt"), " for variant " + v.name());
                setup(s, suite, "\"$CB_WORK\"/" + dir, v);
            }
        }
    }

    private static void setup(StringBuilder s, Suite suite, String dir, Variant variant) {
        List<String> setup = suite.setup();
        for (int i = 0; i < setup.size(); i++) {
            String failure = "setup command " + (i + 1) + " of " + setup.size() + " failed"
                    + (variant == null ? "" : " for variant " + variant.name());
            String env = exports(variant);
            s.append("(cd ").append(dir).append(env.isEmpty() ? "" : " && " + env).append(" && as_suite bash -euo pipefail -c ")
                    .append(Shell.quote(setup.get(i))).append(") || fail failed setup ").append(EXIT_SETUP).append(' ')
                    .append(Shell.quote(failure)).append('\n');
        }
    }

    /**
     * {@code CB_ENV=('NAME=value' ...)}, or nothing: the variables {@code as_suite} gives the suite's commands,
     * one quoted word each, whatever the value holds (the confined user starts from a clean
     * environment, so {@code export} would not reach it).
     */
    private static String exports(Variant variant) {
        if (variant == null || variant.env().isEmpty()) {
            return "";
        }
        StringBuilder e = new StringBuilder("CB_ENV=(");
        for (Map.Entry<String, String> v : variant.env().entrySet()) {
            e.append(e.charAt(e.length() - 1) == '(' ? "" : " ").append(Shell.quote(v.getKey() + "=" + v.getValue()));
        }
        return e.append(')').toString();
    }

    private static void rounds(StringBuilder s, Suite suite, String runId, String targetId, RoundPlan plan, int from,
                               int to) {
        List<Variant> variants = suite.variants();
        List<Benchmark> benchmarks = suite.benchmarks();
        boolean shared = variants.stream().anyMatch(v -> !v.hasOwnCheckout());
        s.append("\n# Where each variant runs, with its environment.\n");
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String dir = v.hasOwnCheckout() ? "\"$CB_WORK\"/" + Shell.quote("variants/" + v.name())
                    : suite.repository() == null ? "\"$CB_WORK\"" : "\"$CB_WORK/src\"";
            String env = exports(v);
            s.append("variant_").append(i).append("() { cd ").append(dir).append(" || return 1")
                    .append(env.isEmpty() ? "" : "; " + env).append("; }\n");
        }
        s.append("# Each benchmark's hyperfine call; $1 is the export file.\n");
        for (int i = 0; i < benchmarks.size(); i++) {
            s.append("bench_").append(i).append("() { ")
                    .append(ScriptParts.hyperfine(suite, benchmarks.get(i), "\"$1\"")).append("; }\n");
        }
        boolean counting = suite.countsInstructions();
        for (int i = 0; i < benchmarks.size(); i++) {
            if (suite.metricsOf(benchmarks.get(i)).contains(Metric.INSTRUCTIONS)) {
                InstructionCounts.benchmarkFunction(s, i, benchmarks.get(i), suite.runsOf(benchmarks.get(i)));
            }
        }
        s.append("# round, position, variant index, variant, benchmark index, benchmark, benchmark timeout (0: none)\n")
                .append("measure() {\n")
                .append("  CB_ROUND=$1; CB_VARIANT=$4\n")
                .append("  local file=\"round-$1-$2-$4.json\"\n")
                .append("  as_suite mkdir -p \"$CB_WORK/raw/$6\"\n")
                .append("  progress running \"$6\"\n")
                .append("  ( \"variant_$3\" && \"bench_$5\" \"$CB_WORK/raw/$6/$file\" )\n")
                .append("  local rc=$?\n")
                .append("  if [ \"$7\" -gt 0 ] && { [ $rc -eq 124 ] || [ $rc -eq 137 ]; }; then\n")
                .append("    fail timed-out \"$6\" ").append(EXIT_TIMEOUT)
                .append(" \"benchmark $6 (variant $4, round $1) exceeded its timeout of $7 s\"\n")
                .append("  fi\n")
                .append("  if [ $rc -ne 0 ]; then fail failed \"$6\" $rc \"benchmark $6 (variant $4, round $1) failed"
                        + " with exit code $rc\"; fi\n")
                .append("  upload \"$CB_WORK/raw/$6/$file\" \"${CB_PREFIX}raw/$6/$file\"\n");
        if (counting) {
            String counts = "raw/$6/" + InstructionCounts.FOLDER + "/$file";
            s.append("  if declare -F \"count_$5\" >/dev/null; then\n")
                    .append("    as_suite mkdir -p \"$CB_WORK/raw/$6/").append(InstructionCounts.FOLDER).append("\"\n")
                    .append("    ( \"variant_$3\" && \"count_$5\" \"$CB_WORK/").append(counts).append("\" )\n")
                    .append("    rc=$?\n")
                    .append("    if [ $rc -ne 0 ]; then fail failed \"$6\" $rc \"benchmark $6 (variant $4, round $1):"
                            + " counting its instructions failed\"; fi\n")
                    .append("    upload \"$CB_WORK/").append(counts).append("\" \"${CB_PREFIX}").append(counts).append("\"\n")
                    .append("  fi\n");
        }
        s.append("}\n");
        if (plan.maxSeconds() != null) {
            s.append("# The time budget: no round starts after it.\n")
                    .append("over_budget() { [ $(( $(date +%s) - $(cat \"$CB_OWN/rounds-started\") )) -ge ")
                    .append(plan.maxSeconds()).append(" ]; }\n")
                    .append("stop_rounds() {\n")
                    .append("  echo \"time budget of ").append(plan.maxSeconds())
                    .append(" s used after $CB_DONE rounds\" > \"$CB_OWN/rounds-stopped.txt\"\n")
                    .append("  upload \"$CB_OWN/rounds-stopped.txt\" \"${CB_PREFIX}")
                    .append(StoreLayout.roundsStopped(runId, targetId).substring(StoreLayout.target(runId, targetId).length()))
                    .append("\"\n")
                    .append(CanaryScript.after(suite, "  "))
                    .append("  CB_ROUND=; CB_VARIANT=\n")
                    .append("  progress 'done' ''\n")
                    .append("  echo \"cloudbench: time budget used after $CB_DONE rounds\"\n")
                    .append("  exit 0\n")
                    .append("}\n");
        }
        for (int round = from; round <= to; round++) {
            s.append("\n# Round ").append(round).append('\n');
            // Round 1 starts the budget: never cut, even when the clock's second ticks over at once.
            if (plan.maxSeconds() != null && round > 1) {
                s.append("if over_budget; then stop_rounds; fi\n");
            }
            for (int b = 0; b < benchmarks.size(); b++) {
                Benchmark benchmark = benchmarks.get(b);
                List<Integer> order = plan.order(round, b);
                for (int position = 0; position < order.size(); position++) {
                    int v = order.get(position);
                    s.append("measure ").append(round).append(' ').append(position + 1).append(' ').append(v).append(' ')
                            .append(Shell.quote(variants.get(v).name())).append(' ').append(b).append(' ')
                            .append(Shell.quote(benchmark.name())).append(' ')
                            .append(benchmark.timeoutSeconds() == null ? 0 : benchmark.timeoutSeconds()).append('\n');
                }
            }
            s.append("CB_DONE=").append(round).append('\n');
        }
        s.append(CanaryScript.after(suite, ""))
                .append("CB_ROUND=; CB_VARIANT=\n")
                .append("progress 'done' ''\n")
                .append("echo 'cloudbench: rounds ").append(from).append('-').append(to).append(" done'\n");
        if (!shared && suite.repository() == null) {
            throw new IllegalStateException("variants with refs need the suite's repository (validated before)");
        }
    }
}
