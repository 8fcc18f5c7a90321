package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.functions.Tasks;
import dev.cloudbench.functions.TaskHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class PayloadsGoldenTest {
    private static final Path EVENTS = Path.of("events");
    private static final Path GOLDEN = Path.of("src/test/resources/payloads");
    private static final ImageSources SOURCES = new ImageSources(SampleEventWorld.imageSourcesZip());
    private static final SampleEventWorld WORLD = new SampleEventWorld(EVENTS, SOURCES);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:30:00Z"), ZoneOffset.UTC);

    @AfterAll
    static void close() {
        WORLD.close();
    }

    @Test
    void record() throws Exception {
        for (String function : new TreeSet<>(AwsPorts.SERVICES.keySet())) {
            WORLD.reset(function);
            var ports = AwsPorts.forTask(function, WORLD.settings(), SampleEventsOnTheWireTestClients.clients(WORLD),
                    CLOCK, SOURCES);
            Map<String, RequestStreamHandler> handlers = new java.util.HashMap<>(Tasks.wire(ports));
            handlers.putAll(Tasks.wireEventFunctions(ports));
            TaskHandler<?, ?> handler = (TaskHandler<?, ?>) handlers.get(function);
            byte[] event = Files.readAllBytes(EVENTS.resolve(function + ".json"));
            Method read = TaskHandler.class.getDeclaredMethod("read", byte[].class);
            read.setAccessible(true);
            String in = Json.write(read.invoke(handler, (Object) event));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            Files.writeString(GOLDEN.resolve(function + ".in.json"), in + "\n");
            Files.writeString(GOLDEN.resolve(function + ".out.json"), out.toString(StandardCharsets.UTF_8) + "\n");
        }
        assertThat(GOLDEN).isDirectory();
    }
}
