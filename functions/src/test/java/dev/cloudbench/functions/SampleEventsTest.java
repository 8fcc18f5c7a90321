package dev.cloudbench.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.functions.aws.AwsPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample events in functions/events, one per function, are what the functions read. */
class SampleEventsTest {
    private static final Path EVENTS = Path.of("events");

    @Test
    void everyFunctionHasASampleEvent_thatItsHandlerReadsStrictly() throws IOException {
        Ports none = new Ports(AwsPorts.unused(ImagePort.class, "test"), AwsPorts.unused(FleetPort.class, "test"),
                AwsPorts.unused(RemoteShellPort.class, "test"), AwsPorts.unused(ResultStorePort.class, "test"),
                AwsPorts.unused(ExecutionsPort.class, "test"), Clock.systemUTC(), () -> "test",
                AwsPorts.unused(CapacityPort.class, "test"));
        Map<String, RequestStreamHandler> handlers = new java.util.HashMap<>(Tasks.wire(none));
        handlers.putAll(Tasks.wireEventFunctions(none));

        for (String name : Tasks.NAMES) {
            Path event = EVENTS.resolve(name + ".json");
            assertThat(event).as("sample event of " + name).exists();
            TaskHandler<?, ?> handler = (TaskHandler<?, ?>) handlers.get(name);
            byte[] json = Files.readAllBytes(event);
            assertThat(handler.read(json)).as(name).isNotNull();
            // Strictly: a misspelt field in a sample would teach people the wrong input.
            assertThat(Json.strict().readValue(json, handler.inputType())).as(name).isNotNull();
        }
        // Events AWS sends carry more fields than a handler reads: those are read leniently.
        for (String name : Tasks.EVENT_FUNCTIONS) {
            Path event = EVENTS.resolve(name + ".json");
            assertThat(event).as("sample event of " + name).exists();
            assertThat(((TaskHandler<?, ?>) handlers.get(name)).read(Files.readAllBytes(event))).as(name).isNotNull();
        }
        java.util.Set<String> all = new java.util.HashSet<>(Tasks.NAMES);
        all.addAll(Tasks.EVENT_FUNCTIONS);
        try (var files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".json", "")))
                    .containsExactlyInAnyOrderElementsOf(all);
        }
    }

    @Test
    void everyHandler_isTheTaskNamePlusHandler_withTheConstructorLambdaCalls() throws Exception {
        java.util.Set<String> all = new java.util.HashSet<>(Tasks.NAMES);
        all.addAll(Tasks.EVENT_FUNCTIONS);
        for (String name : all) {
            Class<?> type = Class.forName(Tasks.handlerClassName(name));
            assertThat(type.getConstructor().getParameterCount()).isZero();
            assertThat(RequestStreamHandler.class).isAssignableFrom(type);
        }
    }
}
