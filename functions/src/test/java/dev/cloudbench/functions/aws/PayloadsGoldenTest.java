package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.functions.handler.TaskHandler;
import dev.cloudbench.functions.wiring.Functions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The state machine's payloads stay byte for byte what they were: for every function, its sample
 * event as its handler reads it (written back with the project's Jackson configuration) and its
 * answer on the stand-ins at a fixed clock, against golden files recorded from the code before
 * the payload records were typed ({@code src/test/resources/payloads}). The two functions EventBridge
 * starts read its whole envelope since they take aws-lambda-java-events' ScheduledEvent: their
 * {@code .in.json} were recorded again then, their answers were not. Run with
 * {@code -Dpayloads.record=true} to record them again, when a payload is meant to change.
 */
class PayloadsGoldenTest {
    private static final Path EVENTS = Path.of("events");
    private static final Path GOLDEN = Path.of("src/test/resources/payloads");
    private static final ImageSources SOURCES = new ImageSources(SampleEventWorld.imageSourcesZip());
    private static final SampleEventWorld WORLD = new SampleEventWorld(EVENTS, SOURCES);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:30:00Z"), ZoneOffset.UTC);
    private static final boolean RECORD = Boolean.getBoolean("payloads.record");

    @AfterAll
    static void close() {
        WORLD.close();
    }

    @Test
    void everyFunction_readsAndAnswers_theSameJsonAsBefore() throws Exception {
        for (Functions.Entry function : Functions.all()) {
            WORLD.reset(function.name());
            TaskHandler<?, ?> handler = function.handler(
                    function.awsPorts(WORLD.settings(), SampleEventClients.of(WORLD), CLOCK, SOURCES));
            byte[] event = Files.readAllBytes(EVENTS.resolve(function.name() + ".json"));

            String in = new String(handler.readAndWriteOnce(event), StandardCharsets.UTF_8) + "\n";
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            String answer = out.toString(StandardCharsets.UTF_8) + "\n";

            check(function.name() + ".in.json", in);
            check(function.name() + ".out.json", answer);
        }
    }

    private static void check(String file, String json) throws Exception {
        if (RECORD) {
            Files.writeString(GOLDEN.resolve(file), json);
        }
        assertThat(json).as(file).isEqualTo(Files.readString(GOLDEN.resolve(file)));
    }
}
