package dev.cloudbench.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.engine.EngineEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns engine events into a readable progress log: each state entered once per target (the
 * wait loops would repeat), each benchmark as it starts ("benchmark 2 of 3"), failures with
 * their cause, and the elapsed time on every line.
 */
final class ProgressPrinter implements Consumer<EngineEvent> {
    private final PrintWriter out;
    private long start = -1; // from the execution's start, not the engine's installation
    private final Set<String> seen = new HashSet<>();
    private final Map<Integer, String> targets = new HashMap<>();
    private final Map<String, String> lastBenchmark = new HashMap<>();

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(EngineEvent e) {
        if (start < 0) {
            start = System.nanoTime();
        }
        String where = e.index() == null ? "" : targets.getOrDefault(e.index(), "target " + e.index()) + " · ";
        switch (e.type()) {
            case "StateEntered" -> {
                if (seen.add(where + e.state()) && !e.state().endsWith("?")) {
                    line(where + e.state());
                }
            }
            case "StateExited" -> onExit(e, where);
            case "StateFailed" -> line(where + e.state() + " failed: " + shortCause(e));
            case "StateRetried" -> line(where + e.state() + " retried");
            default -> {
                // iteration and execution events add nothing a person needs here
            }
        }
        out.flush();
    }

    private void onExit(EngineEvent e, String where) {
        JsonNode output = e.output();
        if (output == null) {
            return;
        }
        if ("Plan Run".equals(e.state()) && output.path("targets").isArray()) {
            int i = 0;
            for (JsonNode t : output.path("targets")) {
                targets.put(i++, t.path("targetId").asText());
            }
            line("run " + output.path("runId").asText() + ": " + targets.size() + " target(s)");
        }
        JsonNode progress = output.path("progress");
        if ("Check Benchmark".equals(e.state()) && progress.isObject() && "running".equals(progress.path("state").asText())) {
            String current = progress.path("current").asText();
            String target = output.path("target").path("targetId").asText();
            if (progress.path("round").isInt()) {
                // A suite with variants: one line per round, not per hyperfine call.
                String round = String.valueOf(progress.path("round").asInt());
                if (!round.equals(lastBenchmark.put(target, round))) {
                    line(where + "round " + round + " of " + progress.path("total").asInt() + " (every variant of every"
                            + " benchmark)");
                }
                return;
            }
            if (!current.equals(lastBenchmark.put(target, current))) {
                line(where + "benchmark " + (progress.path("completed").asInt() + 1) + " of "
                        + progress.path("total").asInt() + ": " + current);
            }
        }
        if ("Collect Results".equals(e.state()) && output.path("moreRounds").asBoolean(false)) {
            line(where + "a comparison is not settled yet: more rounds");
        }
        if ("Terminate Instance".equals(e.state()) || "Terminate After Failure".equals(e.state())) {
            line(where + "terminated " + output.path("terminated"));
        }
    }

    private static String shortCause(EngineEvent e) {
        String cause = e.cause() == null ? "" : e.cause();
        String prefix = e.error() + ": ";
        return cause.startsWith(prefix) ? cause.substring(prefix.length()) : cause;
    }

    private void line(String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (System.nanoTime() - start) / 1e9, text);
    }
}
