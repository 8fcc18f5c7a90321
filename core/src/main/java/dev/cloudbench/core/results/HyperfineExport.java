package dev.cloudbench.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file written by {@code hyperfine --export-json}, of any version from 1.11 on. Read leniently:
 * fields some versions omit ({@code median}, {@code stddev}, {@code exit_codes}, {@code parameters},
 * {@code memory_usage_byte}) may be missing, and summaries are ignored because cloudbench computes
 * its own from the raw times. Raw times come from {@code times} (1.x) or, in exports with
 * {@code schema_version} 2, from {@code measurements[].time_wall_clock}. Only {@code command} and
 * the raw times are required.
 *
 * @param results one entry per command (per parameter combination)
 */
public record HyperfineExport(List<Entry> results) {

    /**
     * @param command    the command as hyperfine ran it (parameters substituted), or its --command-name
     * @param times      every measured wall time, seconds
     * @param exitCodes  exit code per run, empty when the version does not record them
     * @param user       mean user time, seconds, or null
     * @param system     mean system time, seconds, or null
     * @param parameters parameter values of this entry
     */
    public record Entry(String command, double[] times, List<Integer> exitCodes, Double user, Double system,
                        Map<String, String> parameters) {
    }

    /** @throws ResultsMissingException naming {@code source} when the bytes are not a hyperfine export */
    public static HyperfineExport parse(byte[] json, String source) {
        JsonNode root;
        try {
            root = Json.payload().readTree(json);
        } catch (IOException e) {
            throw new ResultsMissingException(source + ": not a hyperfine export (not JSON)");
        }
        if (root == null || !root.path("results").isArray()) {
            throw new ResultsMissingException(source + ": not a hyperfine export (no \"results\" list)");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode r : root.path("results")) {
            entries.add(entry(r, source + ": results[" + index++ + "]"));
        }
        if (entries.isEmpty()) {
            throw new ResultsMissingException(source + ": hyperfine export with no results");
        }
        return new HyperfineExport(entries);
    }

    private static Entry entry(JsonNode r, String at) {
        if (!r.path("command").isTextual()) {
            throw new ResultsMissingException(at + " has no command: not a hyperfine export");
        }
        List<Integer> exitCodes = new ArrayList<>();
        double[] times;
        if (r.path("times").isArray()) {
            times = new double[r.path("times").size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = seconds(r.path("times").get(i), at + ".times[" + i + "]");
            }
            for (JsonNode c : r.path("exit_codes")) {
                exitCodes.add(c.isNull() ? null : c.asInt());
            }
        } else if (r.path("measurements").isArray()) {
            times = new double[r.path("measurements").size()];
            for (int i = 0; i < times.length; i++) {
                JsonNode m = r.path("measurements").get(i);
                times[i] = seconds(m.path("time_wall_clock"), at + ".measurements[" + i + "].time_wall_clock");
                if (m.has("exit_code")) {
                    exitCodes.add(m.path("exit_code").isNull() ? null : m.path("exit_code").asInt());
                }
            }
        } else {
            throw new ResultsMissingException(at + " has no raw times (neither \"times\" nor \"measurements\")");
        }
        if (times.length == 0) {
            throw new ResultsMissingException(at + " has no raw times (empty list)");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : r.path("parameters").properties()) {
            parameters.put(p.getKey(), p.getValue().asText());
        }
        return new Entry(r.path("command").asText(), times, exitCodes,
                r.path("user").isNumber() ? r.path("user").asDouble() : null,
                r.path("system").isNumber() ? r.path("system").asDouble() : null,
                parameters);
    }

    /** A time in seconds: a number, or {@code {"value": V, "unit": "millisecond"}} as schema 2 writes it. */
    private static double seconds(JsonNode node, String at) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.path("value").isNumber()) {
            double scale = switch (node.path("unit").asText("second")) {
                case "second" -> 1;
                case "millisecond" -> 1e-3;
                case "microsecond" -> 1e-6;
                case "nanosecond" -> 1e-9;
                default -> throw new ResultsMissingException(at + " has an unknown unit '"
                        + node.path("unit").asText() + "'");
            };
            return node.path("value").asDouble() * scale;
        }
        throw new ResultsMissingException(at + " is not a number");
    }
}
