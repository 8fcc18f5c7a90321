package dev.cloudbench.functions.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.functions.aws.AwsPorts;
import dev.cloudbench.functions.handler.TaskHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The sample events in functions/events, one per function of the registry, are what the functions read. */
class SampleEventsTest {
    private static final Path EVENTS = Path.of("events");

    @Test
    void everyFunctionHasASampleEvent_thatItsHandlerReads() throws IOException {
        Ports none = new Ports(AwsPorts.unused(ImagePort.class, "test"), AwsPorts.unused(FleetPort.class, "test"),
                AwsPorts.unused(RemoteShellPort.class, "test"), AwsPorts.unused(ResultStorePort.class, "test"),
                AwsPorts.unused(ExecutionsPort.class, "test"), Clock.systemUTC(), () -> "test",
                AwsPorts.unused(CapacityPort.class, "test"));

        for (Functions.Entry function : Functions.all()) {
            Path event = EVENTS.resolve(function.name() + ".json");
            assertThat(event).as("sample event of " + function.name()).exists();
            TaskHandler<?, ?> handler = function.handler(none);
            byte[] json = Files.readAllBytes(event);
            assertThat(handler.readAndWriteOnce(json)).as(function.name()).isNotNull();
            // Events AWS sends carry more fields than a handler reads: those are read leniently. The
            // state machine's payloads are read strictly here: a misspelt field in a sample would
            // teach people the wrong input.
            if (function.trigger() == Functions.Trigger.STATE_MACHINE) {
                assertThat(Json.strict().readValue(json, handler.inputType())).as(function.name()).isNotNull();
            }
        }
        try (var files = Files.list(EVENTS)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".json", "")))
                    .containsExactlyInAnyOrderElementsOf(Functions.names());
        }
    }
}
