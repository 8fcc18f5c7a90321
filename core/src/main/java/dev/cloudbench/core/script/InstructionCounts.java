package dev.cloudbench.core.script;

import static dev.cloudbench.core.script.ExitCodes.EXIT_SETUP;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.Benchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script's instruction counting, for benchmarks whose metrics include {@code instructions}.
 *
 * <p>Counting is a pass of its own, right after hyperfine's timed runs of the same benchmark (and
 * variant, in the same round): the same number of runs, each under the counter, none timed. Counting
 * inside the timed runs would perturb the times — perf's multiplexing a little, callgrind's
 * simulated CPU by tens of times — and the times are what the other metric is. A pass of its own
 * also keeps hyperfine's export untouched.
 *
 * <p>The counter is perf's {@code instructions:u} where the host exposes it (a hardware counter: no
 * slowdown, a little noise from interrupts and page faults), else Valgrind's callgrind (a simulated
 * CPU: deterministic for a deterministic program, but every run takes tens of times longer); neither
 * working stops the script before the setup. Each counted run is {@code sh -c COMMAND} as hyperfine
 * runs it, children included (perf inherits counters; callgrind traces children, one output file per
 * process, summed), as the suite's user, in the variant's directory with its environment.
 *
 * <p>The counts file has the shape of a hyperfine export whose {@code times} are instruction counts
 * (one per run, per parameter combination) plus {@code "counter"}, so that one parser and one merge
 * read both metrics. It is written to {@code raw/instructions/BENCHMARK.json} (plain suite) or
 * {@code raw/BENCHMARK/instructions/round-R-P-VARIANT.json} (rounds): a folder of its own, because a
 * suffix on the export's name could collide with a benchmark or variant name holding a dot.
 */
final class InstructionCounts {
    /** The subfolder the counts files go to, beside the exports. */
    static final String FOLDER = "instructions";

    private InstructionCounts() {
    }

    /**
     * {@code choose_counter}, {@code count_run} and the choice itself: sets {@code CB_COUNTER}, or fails
     * the script with a one-line message before anything else runs. Runs again in a later command of the
     * same instance (the host does not change between them).
     */
    static void functions(StringBuilder s) {
        s.append("# The instruction counter: perf's instructions:u where the host exposes it, else callgrind.\n")
                .append("choose_counter() {\n")
                .append("  if as_suite perf stat -x, -e instructions:u -- true 2>&1 >/dev/null | grep -q '^[0-9][0-9]*,';"
                        + " then CB_COUNTER=perf\n")
                .append("  elif as_suite valgrind --tool=none -q -- true >/dev/null 2>&1; then CB_COUNTER=callgrind\n")
                .append("  else return 1\n")
                .append("  fi\n")
                .append("}\n")
                .append("# count_run DIR COMMAND: the user-space instructions of one run of sh -c COMMAND (DIR: scratch).\n")
                .append("count_run() {\n")
                .append("  as_suite rm -rf -- \"$1\" && as_suite mkdir -p -- \"$1\" || return 1\n")
                .append("  if [ \"$CB_COUNTER\" = perf ]; then\n")
                .append("    as_suite perf stat -x, -o \"$1/perf.csv\" -e instructions:u -- sh -c \"$2\" >/dev/null 2>&1"
                        + " || return $?\n")
                .append("    as_suite awk -F, '$3 ~ /^instructions/ && $1 ~ /^[0-9]+$/ { n = $1 } END { if (n == \"\") exit 1;"
                        + " print n }' \"$1/perf.csv\"\n")
                .append("  else\n")
                .append("    as_suite valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=\"$1/cg.%p\" -- sh -c"
                        + " \"$2\" >/dev/null 2>&1 || return $?\n")
                // One file per process; each file's total is its totals: line (summary: in older files).
                .append("    as_suite awk 'FNR == 1 { t += v; v = \"\" } /^summary:/ && v == \"\" { v = $2 } /^totals:/ { v = $2 }"
                        + " END { t += v; if (t == 0) exit 1; printf \"%.0f\\n\", t }' \"$1\"/cg.*\n")
                .append("  fi\n")
                .append("}\n")
                .append("if ! choose_counter; then\n")
                .append("  fail failed setup ").append(EXIT_SETUP)
                .append(" \"instructions: neither perf's instructions:u counter nor valgrind works on this host\"\n")
                .append("fi\n")
                .append("echo \"$CB_COUNTER\" > \"$CB_OWN/env/counter.txt\"\n")
                .append("upload \"$CB_OWN/env/counter.txt\" \"${CB_PREFIX}env/counter.txt\"\n");
    }

    /**
     * {@code count_I FILE}: counts benchmark {@code index}'s runs, every parameter combination, and
     * writes the counts file FILE as the suite's user.
     */
    static void benchmarkFunction(StringBuilder s, int index, Benchmark b, int runs) {
        s.append("count_").append(index).append("() {\n")
                .append("  local i c out=\"{\\\"counter\\\":\\\"$CB_COUNTER\\\",\\\"results\\\":[\"\n");
        List<Map<String, String>> combinations = combinations(b.parameters());
        for (int k = 0; k < combinations.size(); k++) {
            Map<String, String> p = combinations.get(k);
            String command = substitute(b.command(), p);
            String head = (k == 0 ? "" : ",") + "{\"command\":" + Json.write(command) + ",\"parameters\":"
                    + Json.write(p) + ",\"times\":[";
            s.append("  out+=").append(Shell.quote(head)).append('\n')
                    .append("  for ((i = 0; i < ").append(runs).append("; i++)); do\n")
                    .append("    c=$(count_run \"$CB_WORK/raw/.counting\" ").append(Shell.quote(command))
                    .append(") || return 1\n")
                    .append("    out+=\"$([ \"$i\" -gt 0 ] && printf ,)$c\"\n")
                    .append("  done\n")
                    .append("  out+=']}'\n");
        }
        s.append("  printf '%s]}\\n' \"$out\" | as_suite tee -- \"$1\" >/dev/null\n")
                .append("}\n");
    }

    /** Every combination of the parameter lists, the first parameter varying slowest; one empty map without. */
    static List<Map<String, String>> combinations(Map<String, List<String>> parameters) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String value : p.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(p.getKey(), value);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    /** The command with {@code {NAME}} replaced by the value, as hyperfine substitutes it. */
    static String substitute(String command, Map<String, String> values) {
        String out = command;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }
}
