package dev.cloudbench.cli.engine;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The local counterpart of the EventBridge rule on SSM's "EC2 Command Invocation Status-change
 * Notification": when a local command ends, the function that wakes the task waiting for it gets
 * the event AWS would send, in AWS's shape
 * (https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-systems-manager-event-examples.html).
 */
public final class InstanceEvents {
    /** The function the rule starts. */
    public static final String FUNCTION = "BenchmarkFinished";

    private InstanceEvents() {
    }

    /** The event of a command that ended on an instance. */
    static String commandEnded(String instanceId, String commandId) {
        return Json.write(Map.of("version", "0", "source", "aws.ssm",
                "detail-type", "EC2 Command Invocation Status-change Notification",
                "detail", Map.of("instance-id", instanceId, "command-id", commandId,
                        "document-name", "AWS-RunShellScript")));
    }

    /**
     * Delivers the event to {@code handler}, as EventBridge invokes its target; a handler's failure
     * goes to {@code onError} — the task's timeout is the safety net, as in AWS.
     */
    public static void commandEnded(RequestStreamHandler handler, String instanceId, String commandId,
                                    Consumer<Throwable> onError) {
        try {
            handler.handleRequest(new ByteArrayInputStream(commandEnded(instanceId, commandId)
                    .getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), new LocalContext(FUNCTION));
        } catch (Exception | Error e) {
            onError.accept(e);
        }
    }
}
