package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.functions.wiring.Functions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every function serves its sample event on the happy path against {@link SampleEventWorld}: what
 * the cold-start benchmark measures is a real answer, not an early error.
 */
class SampleEventsOnTheWireTest {
    private static final Path EVENTS = Path.of("events");
    private static final ImageSources SOURCES = new ImageSources(SampleEventWorld.imageSourcesZip());
    private static final SampleEventWorld WORLD = new SampleEventWorld(EVENTS, SOURCES);

    @AfterAll
    static void close() {
        WORLD.close();
    }

    private static JsonNode invoke(String function) throws Exception {
        WORLD.reset(function);
        var ports = Functions.get(function).awsPorts(WORLD.settings(), SampleEventClients.of(WORLD), Clock.systemUTC(), SOURCES);
        Map<String, RequestStreamHandler> handlers = Functions.wire(ports);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handlers.get(function).handleRequest(
                new ByteArrayInputStream(Files.readAllBytes(EVENTS.resolve(function + ".json"))), out, null);
        return JsonStandIn.JSON.readTree(out.toByteArray());
    }

    @Test
    void everyFunction_servesItsSampleEvent_onTheHappyPath() throws Exception {
        TreeSet<String> all = new TreeSet<>(Functions.names());
        for (String function : all) {
            assertThat(invoke(function).isObject()).as(function).isTrue();
        }
    }

    @Test
    void theSampleTasks_reachTheirServices_andWriteWhatTheyShould() throws Exception {
        assertThat(invoke("PlanRun").path("runId").asText()).isEqualTo(SampleEventWorld.RUN);
        assertThat(WORLD.object("runs/" + SampleEventWorld.RUN + "/plan.json")).contains(SampleEventWorld.TARGET);

        assertThat(invoke("LaunchInstance").path("instance").path("imageId").asText()).isEqualTo("ami-arm64");
        assertThat(invoke("CheckInstance").path("ready").asBoolean()).isTrue();
        assertThat(invoke("StartBenchmark").path("commandId").asText()).isEqualTo(SampleEventWorld.COMMAND);
        assertThat(invoke("CheckBenchmark").path("done").asBoolean()).isTrue();
        assertThat(invoke("CollectResults").path("finishedAt").isTextual()).isTrue();
        assertThat(invoke("StartImageBuild").path("buildId").asText()).isEqualTo(SampleEventWorld.BUILD);
        assertThat(invoke("CheckImageBuild").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(invoke("PublishReport").path("status").asText()).isEqualTo("failed");
        assertThat(WORLD.object("runs/" + SampleEventWorld.RUN + "/report.md")).contains("sort-numbers");
        assertThat(invoke("CleanupRun").path("terminated").toString()).contains(SampleEventWorld.INSTANCE);
        int sfnCalls = WORLD.requests(AwsPorts.Service.SFN);
        assertThat(invoke("Sweep").path("examined").asInt()).isEqualTo(1);
        assertThat(WORLD.requests(AwsPorts.Service.SFN)).isEqualTo(sfnCalls + 1);
    }
}
