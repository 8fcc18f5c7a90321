package dev.cloudbench.functions.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A service speaking the AWS JSON 1.1 protocol (SSM, CodeBuild): {@code POST /} with
 * {@code X-Amz-Target: Prefix.Operation}, JSON in and out, errors as {@code {"__type", "message"}}
 * with a 4xx status. Tests answer each operation with a function of the request's JSON.
 */
final class JsonStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Function<JsonNode, StandIn.Reply>> operations = new ConcurrentHashMap<>();
    private final StandIn server = new StandIn(this::reply);

    StandIn server() {
        return server;
    }

    JsonStandIn on(String operation, Function<JsonNode, StandIn.Reply> answer) {
        operations.put(operation, answer);
        return this;
    }

    /** Answers {@code operation} with this JSON every time. */
    JsonStandIn answer(String operation, String json) {
        return on(operation, request -> ok(json));
    }

    /** The JSON bodies of the calls of {@code operation}, in order. */
    List<JsonNode> calls(String operation) {
        return server.requests().stream().filter(r -> operation.equals(operation(r))).map(JsonStandIn::body).toList();
    }

    static StandIn.Reply ok(String json) {
        return StandIn.Reply.of(200, "application/x-amz-json-1.1", json);
    }

    static StandIn.Reply error(String type, String message) {
        return StandIn.Reply.of(400, "application/x-amz-json-1.1",
                "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    private static String operation(StandIn.Request r) {
        String target = r.header("X-Amz-Target");
        return target == null ? "" : target.substring(target.indexOf('.') + 1);
    }

    private static JsonNode body(StandIn.Request r) {
        try {
            return JSON.readTree(r.body().length == 0 ? "{}".getBytes() : r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StandIn.Reply reply(StandIn.Request r) {
        Function<JsonNode, StandIn.Reply> answer = operations.get(operation(r));
        if (answer == null) {
            return error("UnknownOperationException", "no answer for " + operation(r));
        }
        return answer.apply(body(r));
    }

    @Override
    public void close() {
        server.close();
    }
}
