package dev.cloudbench.core.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file written by {@code hyperfine --export-json}. Read leniently: fields that some hyperfine
 * versions omit ({@code median}, {@code exit_codes}, {@code parameters}, {@code memory_usage_byte})
 * may be missing; {@code command} and {@code times} may not.
 *
 * @param results one entry per command (per parameter combination)
 */
public record HyperfineExport(List<Entry> results) {

    /**
     * @param command    the command as hyperfine ran it (parameters substituted)
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
            throw new ResultsMissingException(source + ": not a hyperfine export (no results list)");
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode r : root.path("results")) {
            String at = source + ": results[" + index++ + "]";
            if (!r.path("command").isTextual() || !r.path("times").isArray() || r.path("times").isEmpty()) {
                throw new ResultsMissingException(at + " has no command or no times");
            }
            double[] times = new double[r.path("times").size()];
            for (int i = 0; i < times.length; i++) {
                JsonNode t = r.path("times").get(i);
                if (!t.isNumber()) {
                    throw new ResultsMissingException(at + ".times[" + i + "] is not a number");
                }
                times[i] = t.asDouble();
            }
            List<Integer> exitCodes = new ArrayList<>();
            for (JsonNode c : r.path("exit_codes")) {
                exitCodes.add(c.isNull() ? null : c.asInt());
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                parameters.put(p.getKey(), p.getValue().asText());
            }
            entries.add(new Entry(r.path("command").asText(), times, exitCodes,
                    r.path("user").isNumber() ? r.path("user").asDouble() : null,
                    r.path("system").isNumber() ? r.path("system").asDouble() : null,
                    parameters));
        }
        if (entries.isEmpty()) {
            throw new ResultsMissingException(source + ": hyperfine export with no results");
        }
        return new HyperfineExport(entries);
    }
}
