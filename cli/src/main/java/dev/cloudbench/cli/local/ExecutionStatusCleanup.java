package dev.cloudbench.cli.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.ExecutionStatusEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Locally, the EventBridge rule on execution status changes: when an execution ends FAILED,
 * TIMED_OUT or ABORTED, its status-change event goes to the cleanup function.
 */
final class ExecutionStatusCleanup {
    private ExecutionStatusCleanup() {
    }

    /** Delivers the event for a run that did not succeed; returns the instances the function terminated. */
    static List<String> deliver(RequestStreamHandler cleanup, RunRequest request, EngineEvent end) {
        String status = switch (end.type()) {
            case "ExecutionAborted" -> "ABORTED";
            case "ExecutionTimedOut" -> "TIMED_OUT";
            default -> "States.Timeout".equals(end.error()) && end.state() == null ? "TIMED_OUT" : "FAILED";
        };
        String executionArn = "arn:aws:states:us-east-1:000000000000:execution:cloudbench-local:" + request.runId();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("executionArn", executionArn);
        detail.put("stateMachineArn", "arn:aws:states:us-east-1:000000000000:stateMachine:cloudbench-local");
        detail.put("name", request.runId());
        detail.put("status", status);
        detail.put("input", Json.write(request));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", ExecutionStatusEvent.DETAIL_TYPE);
        event.put("source", "aws.states");
        event.put("account", "000000000000");
        event.put("region", "us-east-1");
        event.put("resources", List.of(executionArn));
        event.put("detail", detail);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            cleanup.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.read(out.toByteArray(), CleanupReport.class).terminated();
    }
}
