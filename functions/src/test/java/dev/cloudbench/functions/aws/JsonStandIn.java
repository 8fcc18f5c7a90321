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
 * A service speaking the AWS JSON protocol — 1.1 (SSM, CodeBuild) or 1.0 (Step Functions):
 * {@code POST /} with {@code X-Amz-Target: Prefix.Operation}, JSON in and out, errors as
 * {@code {"__type", "message"}} with a 4xx status. Tests answer each operation with a function of
 * the request's JSON.
 */
public final class JsonStandIn implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final String JSON_10 = "application/x-amz-json-1.0";

    private final Map<String, Function<JsonNode, StandIn.Reply>> operations = new ConcurrentHashMap<>();
    private final StandIn server = new StandIn(this::reply);
    private final String contentType;

    JsonStandIn() {
        this(JSON_11);
    }

    private JsonStandIn(String contentType) {
        this.contentType = contentType;
    }

    /** A service of the JSON 1.0 protocol, such as Step Functions. */
    public static JsonStandIn json10() {
        return new JsonStandIn(JSON_10);
    }

    public StandIn server() {
        return server;
    }

    public JsonStandIn on(String operation, Function<JsonNode, StandIn.Reply> answer) {
        operations.put(operation, answer);
        return this;
    }

    /** Answers {@code operation} with this JSON every time. */
    public JsonStandIn answer(String operation, String json) {
        return on(operation, request -> ok(json));
    }

    /** The JSON bodies of the calls of {@code operation}, in order. */
    public List<JsonNode> calls(String operation) {
        return server.requests().stream().filter(r -> operation.equals(operation(r))).map(JsonStandIn::body).toList();
    }

    /** A 200 answer in the JSON 1.1 protocol. */
    public static StandIn.Reply ok(String json) {
        return StandIn.Reply.of(200, JSON_11, json);
    }

    /** A 400 error answer in the JSON 1.1 protocol. */
    public static StandIn.Reply error(String type, String message) {
        return errorAs(JSON_11, type, message);
    }

    /** A 200 answer in this service's protocol. */
    public StandIn.Reply okHere(String json) {
        return StandIn.Reply.of(200, contentType, json);
    }

    /** A 400 error answer in this service's protocol; {@code message} is escaped. */
    public StandIn.Reply errorHere(String type, String message) {
        return errorAs(contentType, type, message);
    }

    private static StandIn.Reply errorAs(String contentType, String type, String message) {
        return StandIn.Reply.of(400, contentType, "{\"__type\":\"" + type + "\",\"message\":"
                + JSON.getNodeFactory().textNode(message) + "}");
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
            return errorHere("UnknownOperationException", "no answer for " + operation(r));
        }
        return answer.apply(body(r));
    }

    @Override
    public void close() {
        server.close();
    }
}
