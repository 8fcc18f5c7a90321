package dev.cloudbench.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudbench.functions.aws.JsonStandIn;
import dev.cloudbench.functions.aws.StandIn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Step Functions on the wire (JSON 1.0): StartExecution, DescribeExecution, GetExecutionHistory
 * (pages, reverse order), ListExecutions and StopExecution over executions the test scripts. An
 * execution can play back a recorded history: each poll of the history reveals a few more events,
 * and the execution runs until all are revealed, then ends as the history does.
 */
public final class SfnStandIn implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One execution: its history so far and how it ends. */
    public static final class Execution {
        public final String arn;
        public final String name;
        public final String input;
        public final Instant start;
        public final List<JsonNode> events = new ArrayList<>();
        public int revealed;
        public int revealPerPoll = Integer.MAX_VALUE;
        public String status = "RUNNING";
        public String error;
        public String cause;
        public Instant stop;

        Execution(String arn, String name, String input, Instant start) {
            this.arn = arn;
            this.name = name;
            this.input = input;
            this.start = start;
        }

        /** Plays back {@code history} (GetExecutionHistory's JSON): its end decides the status. */
        public Execution playing(JsonNode history, int perPoll) {
            history.path("events").forEach(events::add);
            revealPerPoll = perPoll;
            revealed = perPoll == Integer.MAX_VALUE ? events.size() : 0;
            return this;
        }

        /** The status the stand-in reports: running until the whole history was seen. */
        public String status() {
            if (!"RUNNING".equals(status) || events.isEmpty() || revealed < events.size()) {
                return status;
            }
            JsonNode last = events.get(events.size() - 1);
            return switch (last.path("type").asText()) {
                case "ExecutionSucceeded" -> "SUCCEEDED";
                case "ExecutionFailed" -> "FAILED";
                case "ExecutionAborted" -> "ABORTED";
                case "ExecutionTimedOut" -> "TIMED_OUT";
                default -> "RUNNING";
            };
        }
    }

    public final String stateMachineArn;
    public final Map<String, Execution> executions = new ConcurrentHashMap<>();
    /** Called with each execution StartExecution creates, to script it. */
    public Consumer<Execution> onStart = e -> { };
    /** Called with each execution StopExecution stops (the stack's cleanup would now run). */
    public Consumer<Execution> onStop = e -> { };
    /** Events per GetExecutionHistory page at most, whatever maxResults asks. */
    public int pageSize = 25;

    private final JsonStandIn server = JsonStandIn.json10();

    public SfnStandIn(String stateMachineArn) {
        this.stateMachineArn = stateMachineArn;
        server.on("StartExecution", this::start).on("DescribeExecution", this::describe)
                .on("GetExecutionHistory", this::history).on("ListExecutions", this::list)
                .on("StopExecution", this::stop);
    }

    /** From now on, every call fails with this error (as for missing permissions or expired credentials). */
    public void failEveryCall(String type, String message) {
        for (String operation : List.of("StartExecution", "DescribeExecution", "GetExecutionHistory", "ListExecutions",
                "StopExecution")) {
            server.on(operation, r -> server.errorHere(type, message));
        }
    }

    public StandIn server() {
        return server.server();
    }

    public List<JsonNode> calls(String operation) {
        return server.calls(operation);
    }

    public Execution add(String name, Instant start) {
        Execution e = new Execution(arn(name), name, "{}", start);
        executions.put(e.arn, e);
        return e;
    }

    public String arn(String name) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    private StandIn.Reply start(JsonNode r) {
        String name = r.path("name").asText();
        if (!r.path("stateMachineArn").asText().equals(stateMachineArn)) {
            return server.errorHere("StateMachineDoesNotExist", "State Machine Does Not Exist: '"
                    + r.path("stateMachineArn").asText() + "'");
        }
        if (executions.containsKey(arn(name))) {
            return server.errorHere("ExecutionAlreadyExists", "Execution Already Exists: '" + arn(name) + "'");
        }
        Execution e = new Execution(arn(name), name, r.path("input").asText(), Instant.parse("2026-01-01T12:00:00Z"));
        executions.put(e.arn, e);
        onStart.accept(e);
        return server.okHere("{\"executionArn\":\"" + e.arn + "\",\"startDate\":" + seconds(e.start) + "}");
    }

    private StandIn.Reply describe(JsonNode r) {
        Execution e = executions.get(r.path("executionArn").asText());
        if (e == null) {
            return server.errorHere("ExecutionDoesNotExist", "Execution Does Not Exist: '"
                    + r.path("executionArn").asText() + "'");
        }
        ObjectNode out = item(e);
        out.put("input", e.input);
        if (e.status().equals("FAILED") && e.error == null && !e.events.isEmpty()) {
            JsonNode details = e.events.get(e.events.size() - 1).path("executionFailedEventDetails");
            out.put("error", details.path("error").asText());
            out.put("cause", details.path("cause").asText());
        } else if (e.error != null) {
            out.put("error", e.error);
            out.put("cause", e.cause);
        }
        return server.okHere(out.toString());
    }

    private StandIn.Reply history(JsonNode r) {
        Execution e = executions.get(r.path("executionArn").asText());
        if (e == null) {
            return server.errorHere("ExecutionDoesNotExist", "Execution Does Not Exist");
        }
        if (!r.hasNonNull("nextToken") && e.revealPerPoll != Integer.MAX_VALUE) {
            e.revealed = Math.min(e.events.size(), e.revealed + e.revealPerPoll);
        }
        List<JsonNode> visible = new ArrayList<>(e.events.subList(0, e.revealed));
        if (r.path("reverseOrder").asBoolean()) {
            java.util.Collections.reverse(visible);
        }
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.path("nextToken").asText()) : 0;
        int size = Math.min(pageSize, r.path("maxResults").asInt(1000) == 0 ? 1000 : r.path("maxResults").asInt());
        int to = Math.min(visible.size(), from + size);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode page = out.putArray("events");
        visible.subList(from, to).forEach(page::add);
        if (to < visible.size()) {
            out.put("nextToken", String.valueOf(to));
        }
        return server.okHere(out.toString());
    }

    private StandIn.Reply list(JsonNode r) {
        List<Execution> all = executions.values().stream()
                .filter(e -> !r.hasNonNull("statusFilter") || e.status().equals(r.path("statusFilter").asText()))
                .sorted(Comparator.comparing((Execution e) -> e.start).reversed()).toList();
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.path("nextToken").asText()) : 0;
        int to = Math.min(all.size(), from + Math.max(1, r.path("maxResults").asInt(100)));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode items = out.putArray("executions");
        all.subList(from, to).forEach(e -> items.add(item(e)));
        if (to < all.size()) {
            out.put("nextToken", String.valueOf(to));
        }
        return server.okHere(out.toString());
    }

    private StandIn.Reply stop(JsonNode r) {
        Execution e = executions.get(r.path("executionArn").asText());
        if (e == null) {
            return server.errorHere("ExecutionDoesNotExist", "Execution Does Not Exist");
        }
        e.status = "ABORTED";
        e.error = r.path("error").asText(null);
        e.cause = r.path("cause").asText(null);
        e.stop = Instant.parse("2026-01-01T12:30:00Z");
        onStop.accept(e);
        return server.okHere("{\"stopDate\":" + seconds(e.stop) + "}");
    }

    private ObjectNode item(Execution e) {
        ObjectNode out = JSON.createObjectNode();
        out.put("executionArn", e.arn);
        out.put("stateMachineArn", stateMachineArn);
        out.put("name", e.name);
        out.put("status", e.status());
        out.put("startDate", seconds(e.start));
        Instant stop = e.stop != null ? e.stop : "RUNNING".equals(e.status()) || e.events.isEmpty() ? null
                : Instant.ofEpochMilli((long) (e.events.get(e.events.size() - 1).path("timestamp").asDouble() * 1000));
        if (stop != null) {
            out.put("stopDate", seconds(stop));
        }
        return out;
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    @Override
    public void close() {
        server.close();
    }
}
