package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cloudbench.cli.engine.LocalArns;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.functions.wiring.Functions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Static checks of benchmark.asl.json: schema, substitutions, retries, bounded loops. */
class DefinitionTest {
    private static final Path DEFINITION = Path.of("benchmark.asl.json");
    /** Kept in the repository (copied from ../shared/schemas/states), so the check never skips. */
    private static final Path SCHEMA = Path.of("src/test/resources/schemas/statemachine.schema.json");
    private static final List<String> LAMBDA_ERRORS = List.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException");

    private static JsonNode definition() throws IOException {
        return Json.payload().readTree(DEFINITION.toFile());
    }

    @Test
    void definition_matchesTheStatesLanguageSchema() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)
                .getSchema(Json.payload().readTree(SCHEMA.toFile()));
        JsonNode substituted = Json.payload().readTree(LocalArns.substitute(Files.readString(DEFINITION)));
        Set<ValidationMessage> errors = schema.validate(substituted);
        assertThat(errors).isEmpty();
    }

    @Test
    void everySubstitution_namesATaskTheHandlersServe_andEveryTaskIsUsed() throws IOException {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z]+)FunctionArn}").matcher(Files.readString(DEFINITION));
        Set<String> used = new HashSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isEqualTo(Functions.taskNames());
    }

    @Test
    void everyTask_retriesLambdaServiceErrors_andHasATimeout() throws IOException {
        List<String> tasks = new ArrayList<>();
        forEachState(definition().path("States"), (name, state) -> {
            if ("Task".equals(state.path("Type").asText())) {
                tasks.add(name);
                assertThat(state.path("TimeoutSeconds").asInt()).as(name).isPositive();
                List<String> retried = new ArrayList<>();
                state.path("Retry").forEach(r -> r.path("ErrorEquals").forEach(e -> retried.add(e.asText())));
                assertThat(retried).as(name).containsAll(LAMBDA_ERRORS);
            }
        });
        assertThat(tasks).hasSize(14);
    }

    @Test
    void everyTaskInATargetBranch_exceptItsLastResort_routesErrorsToTermination() throws IOException {
        JsonNode branch = definition().path("States").path("Run Targets").path("ItemProcessor").path("States");
        branch.fields().forEachRemaining(e -> {
            if ("Task".equals(e.getValue().path("Type").asText()) && !e.getKey().equals("Terminate After Failure")) {
                JsonNode catchers = e.getValue().path("Catch");
                JsonNode last = catchers.path(catchers.size() - 1);
                assertThat(last.path("ErrorEquals").path(0).asText()).as(e.getKey()).isEqualTo("States.ALL");
                assertThat(branch.path(last.path("Next").asText()).path("Next").asText()).as(e.getKey())
                        .isEqualTo("Terminate After Failure");
                for (JsonNode c : catchers) {
                    // A callback task's timeout is its safety net: it goes on to a check, a task
                    // whose own errors this test routes to termination.
                    boolean safetyNet = "States.Timeout".equals(c.path("ErrorEquals").path(0).asText())
                            && "Task".equals(branch.path(c.path("Next").asText()).path("Type").asText());
                    assertThat(safetyNet || endsInTerminationOrRelaunch(branch, c.path("Next").asText(), 0))
                            .as(e.getKey()).isTrue();
                }
            }
        });
    }

    /** Whether every path from {@code state} reaches Terminate After Failure or a new launch. */
    private static boolean endsInTerminationOrRelaunch(JsonNode branch, String state, int depth) {
        if (state.equals("Terminate After Failure") || state.equals("Launch Instance")) {
            return true;
        }
        JsonNode s = branch.path(state);
        if (depth > 5 || s.isMissingNode()) {
            return false;
        }
        if ("Choice".equals(s.path("Type").asText())) {
            boolean all = endsInTerminationOrRelaunch(branch, s.path("Default").asText(), depth + 1);
            for (JsonNode choice : s.path("Choices")) {
                all &= endsInTerminationOrRelaunch(branch, choice.path("Next").asText(), depth + 1);
            }
            return all;
        }
        return endsInTerminationOrRelaunch(branch, s.path("Next").asText(), depth + 1);
    }

    @Test
    void runTimeout_exceedsTheLongestAllowedRun() throws IOException {
        assertThat(definition().path("TimeoutSeconds").asInt())
                .isGreaterThan(dev.cloudbench.core.model.Limits.MAX_RUN_TIMEOUT_SECONDS);
    }

    private static void forEachState(JsonNode states, java.util.function.BiConsumer<String, JsonNode> visit) {
        states.fields().forEachRemaining(e -> {
            visit.accept(e.getKey(), e.getValue());
            forEachState(e.getValue().path("ItemProcessor").path("States"), visit);
        });
    }
}
