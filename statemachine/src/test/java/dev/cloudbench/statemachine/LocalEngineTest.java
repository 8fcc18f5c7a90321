package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.Main;
import dev.cloudbench.cli.engine.Engine;
import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.cli.engine.ErrorTyped;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * How the CLI runs the local engine: its process started before the run is wired and handed the
 * run on stdin, the definition validated once per text, and every task invoked as the engine's own
 * Lambda client would (same retries, same error names and causes).
 */
class LocalEngineTest {
    private static final String TINY = """
            {"name":"tiny","warmup":0,"runs":2,
             "benchmarks":[{"name":"one","command":"true"},{"name":"two","command":"true"}]}""";

    @TempDir
    Path output;

    private static Path statemachine() {
        return Path.of("").toAbsolutePath();
    }

    /** The engine processes of this clone now running. */
    private static List<String> engineProcesses() throws IOException {
        return Scenario.processesMatching(statemachine().resolve("engine/run.mjs").toString());
    }

    @Test
    void cloudbenchLocal_takesOverTheEngineItStartedBeforeReadingTheSuite_andLeavesNoProcess() throws IOException {
        Path suite = Files.writeString(output.resolve("tiny.json"), TINY);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int exit = cl.execute("local", suite.toString(), "--output", output.resolve("results").toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Plan Run", "Publish Report", "Run Succeeded", "Results: ");
        try (Stream<Path> files = Files.walk(output.resolve("results"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("results.json", "report.md", "report.html");
        }
        assertThat(engineProcesses()).isEmpty();
    }

    @Test
    void engineStartedButNeverRun_endsWhenClosed() throws Exception {
        Engine.Started started = new Engine(statemachine()).start();
        assertThat(engineProcesses()).hasSize(1);

        started.close();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!engineProcesses().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(engineProcesses()).isEmpty();
    }

    @Test
    void definition_isValidatedOncePerText_andAnInvalidOneIsRefusedEveryTime() throws IOException {
        Path validated = statemachine().resolve("node_modules/.cache/cloudbench-validated");
        // A state that names no next state: asl-validator refuses it; the engine would only fail there.
        String marker = "\"Comment\":\"invalid " + System.nanoTime() + "\"";
        Scenario invalid = new Scenario(output).definition(d -> d.replaceFirst("\\{", "{" + marker + ",")
                .replace("\"Next\": \"Resolve Images\"", "\"Next\": \"No Such State\""));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> invalid.run(TINY)).as("attempt " + attempt)
                    .hasMessageContaining("the local engine ended without a result");
        }
        long before = count(validated);

        String comment = "\"Comment\":\"valid " + System.nanoTime() + "\"";
        for (int attempt = 0; attempt < 2; attempt++) {
            LocalRun.Outcome outcome = new Scenario(output.resolve("valid-" + attempt))
                    .definition(d -> d.replaceFirst("\\{", "{" + comment + ",")).run(TINY);
            assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        }
        assertThat(count(validated)).as("one entry for the valid text, none for the invalid one").isEqualTo(before + 1);
    }

    private static long count(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    /** Lambda's own error, as Step Functions names it. */
    static final class LambdaServiceException extends RuntimeException implements ErrorTyped {
        LambdaServiceException() {
            super("injected: Lambda service error");
        }

        @Override
        public String errorType() {
            return "Lambda.ServiceException";
        }
    }

    @Test
    void aFunctionsErrors_areRetriedAndCaughtByName_withTheErrorDocumentAsTheFailedStatesCause() throws IOException {
        AtomicBoolean failedOnce = new AtomicBoolean();
        Scenario scenario = new Scenario(output).tasks(tasks -> {
            Map<String, RequestStreamHandler> copy = new LinkedHashMap<>(tasks);
            RequestStreamHandler resolve = tasks.get("ResolveImages");
            copy.put("ResolveImages", (in, out, ctx) -> {
                if (!failedOnce.getAndSet(true)) {
                    throw new LambdaServiceException();
                }
                resolve.handleRequest(in, out, ctx);
            });
            copy.put("CollectResults", (in, out, ctx) -> {
                throw new IllegalStateException("injected fault");
            });
            return copy;
        });

        LocalRun.Outcome outcome = scenario.run(TINY);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(scenario.events).filteredOn(e -> "StateRetried".equals(e.type())).extracting(EngineEvent::state)
                .containsExactly("Resolve Images");
        EngineEvent failed = scenario.events.stream()
                .filter(e -> "StateFailed".equals(e.type()) && "Collect Results".equals(e.state())).findFirst().orElseThrow();
        assertThat(failed.error()).isEqualTo("java.lang.IllegalStateException");
        // As aws-local-stepfunctions' own Lambda client reports a function's error: its error document.
        JsonNode cause = Json.payload().readTree(failed.cause());
        assertThat(cause.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(cause.path("errorMessage").asText()).isEqualTo("injected fault");
        assertThat(outcome.results().orElseThrow().targets().get(0).error().state()).isEqualTo("Collect Results");
    }
}
