package dev.cloudbench.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.TargetError;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns execution events — the local engine's, or a cloud execution's history translated to them —
 * into a readable progress log, per target: each state entered once (the wait loops would repeat),
 * the instance launched (market and zone), ready, each benchmark as it starts ("benchmark 2 of 3"),
 * results collected, the instance terminated; failures ({@code State: ErrorName: message}, never the
 * raw Lambda error document) and retries; the time since the execution started on every line.
 */
public final class ProgressPrinter implements Consumer<EngineEvent> {
    private static final String TARGETS_MAP = "Run Targets";

    private final PrintWriter out;
    private long start = Long.MIN_VALUE; // from the execution's first event, not the engine's installation
    private final Set<String> seen = new HashSet<>();
    private final Map<Integer, String> targets = new HashMap<>();
    private final Map<String, String> lastBenchmark = new HashMap<>();

    public ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(EngineEvent e) {
        long at = e.timestamp() == null ? System.currentTimeMillis() : e.timestamp();
        if (start == Long.MIN_VALUE) {
            start = at;
        }
        String where = where(e);
        switch (e.type()) {
            case "StateEntered" -> {
                if (seen.add(where + e.state()) && !e.state().endsWith("?")) {
                    line(at, where + e.state());
                }
            }
            case "StateExited" -> onExit(e, where, at);
            case "StateFailed" -> line(at, where + e.state() + ": " + TargetError.shortName(e.error())
                    + (shortCause(e).isEmpty() ? "" : ": " + shortCause(e)));
            case "StateRetried" -> line(at, where + e.state() + " retried");
            default -> {
                // iteration and execution events add nothing a person needs here
            }
        }
        out.flush();
    }

    /** "target · " inside the targets' Map, "Map name #i · " inside another Map, "" outside. */
    private String where(EngineEvent e) {
        if (e.index() == null) {
            return "";
        }
        if (e.parent() == null || TARGETS_MAP.equals(e.parent())) {
            return targets.getOrDefault(e.index(), "target " + e.index()) + " · ";
        }
        return e.parent() + " #" + e.index() + " · ";
    }

    private void onExit(EngineEvent e, String where, long at) {
        JsonNode output = e.output();
        if (output == null) {
            return;
        }
        switch (e.state()) {
            case "Plan Run" -> {
                if (output.path("targets").isArray()) {
                    int i = 0;
                    for (JsonNode t : output.path("targets")) {
                        targets.put(i++, t.path("targetId").asText());
                    }
                    line(at, "run " + output.path("runId").asText() + ": " + targets.size() + " target(s)");
                }
            }
            case "Launch Instance" -> {
                JsonNode instance = output.path("instance");
                if (instance.isObject()) {
                    line(at, where + "instance " + instance.path("instanceId").asText() + ": "
                            + instance.path("market").asText() + " in " + instance.path("zone").asText()
                            + (instance.path("reused").asBoolean() ? " (found again after a retried launch)" : ""));
                }
            }
            case "Check Instance" -> {
                if (output.path("ready").asBoolean() && seen.add(where + "ready")) {
                    line(at, where + "instance ready");
                }
            }
            case "Check Benchmark" -> onBenchmarkChecked(output, where, at);
            case "Collect Results" -> line(at, where + (output.path("moreRounds").asBoolean(false)
                    ? "a comparison is not settled yet: more rounds" : "results collected"));
            case "Terminate Instance", "Terminate After Failure" -> line(at, where + "terminated " + output.path("terminated"));
            default -> {
                // other outputs carry nothing to show
            }
        }
    }

    private void onBenchmarkChecked(JsonNode output, String where, long at) {
        JsonNode progress = output.path("progress");
        if (progress.isObject() && "running".equals(progress.path("state").asText())) {
            String current = progress.path("current").asText();
            String target = output.path("target").path("targetId").asText();
            if (progress.path("round").isInt()) {
                // A suite with variants: one line per round, not per hyperfine call.
                String round = String.valueOf(progress.path("round").asInt());
                if (!round.equals(lastBenchmark.put(target, round))) {
                    line(at, where + "round " + round + " of " + progress.path("total").asInt()
                            + " (every variant of every benchmark)");
                }
                return;
            }
            if (!current.equals(lastBenchmark.put(target, current))) {
                line(at, where + "benchmark " + (progress.path("completed").asInt() + 1) + " of "
                        + progress.path("total").asInt() + ": " + current);
            }
        }
    }

    /**
     * The failure's message. A Lambda task's cause is the function's error document
     * ({@code {"errorType", "errorMessage", "stackTrace"}}) in AWS and in the local engine alike:
     * its message is what a person reads.
     */
    static String shortCause(EngineEvent e) {
        String cause = e.cause() == null ? "" : e.cause().strip();
        if (cause.startsWith("{")) {
            try {
                JsonNode document = Json.payload().readTree(cause);
                if (document.path("errorMessage").isTextual()) {
                    cause = document.path("errorMessage").asText();
                }
            } catch (IOException notJson) {
                // a cause that only looks like JSON is shown as it is
            }
        }
        String prefix = e.error() + ": ";
        return cause.startsWith(prefix) ? cause.substring(prefix.length()) : cause;
    }

    private void line(long at, String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", (at - start) / 1e3, text);
    }
}
