package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The GitHub workflows: least privilege, third-party actions pinned, and what cloud-bench.yml promises. */
class WorkflowsTest {
    private static final Path WORKFLOWS = Path.of("../.github/workflows");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String AWS_CREDENTIALS = "aws-actions/configure-aws-credentials";

    private static Map<String, JsonNode> workflows() throws IOException {
        Map<String, JsonNode> all = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                all.put(f.getFileName().toString(), YAML.readTree(f.toFile()));
            }
        }
        assertThat(all).containsKeys("ci.yml", "cloud-bench.yml");
        return all;
    }

    private static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        return steps;
    }

    @Test
    void everyWorkflow_readsContentsOnly_atTheTop() throws IOException {
        workflows().forEach((name, w) -> assertThat(w.path("permissions").toString()).as(name)
                .isEqualTo("{\"contents\":\"read\"}"));
    }

    @Test
    void everyThirdPartyAction_isPinnedByAFullCommitSha() throws IOException {
        workflows().forEach((name, w) -> w.path("jobs").forEach(job -> steps(job).stream()
                .filter(s -> s.has("uses") && !s.path("uses").asText().startsWith("./"))
                .forEach(s -> assertThat(s.path("uses").asText()).as(name).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}"))));
    }

    @Test
    void onlyTheJobThatAssumesTheAwsRole_mayRequestAnIdToken() throws IOException {
        workflows().forEach((name, w) -> w.path("jobs").properties().forEach(job -> {
            boolean assumesRole = steps(job.getValue()).stream()
                    .anyMatch(s -> s.path("uses").asText().startsWith(AWS_CREDENTIALS + "@"));
            String idToken = job.getValue().path("permissions").path("id-token").asText("none");
            assertThat(idToken).as(name + " job " + job.getKey()).isEqualTo(assumesRole ? "write" : "none");
        }));
    }

    @Test
    void noInputIsSplicedIntoAScript() throws IOException {
        workflows().forEach((name, w) -> w.path("jobs").forEach(job -> steps(job).stream()
                .filter(s -> s.has("run"))
                .forEach(s -> assertThat(s.path("run").asText()).as(name).doesNotContain("${{"))));
    }

    @Test
    void cloudBench_isDispatchedWithSuiteArchMarketAndTypes_runsTheCli_andReportsTheResults() throws IOException {
        JsonNode w = workflows().get("cloud-bench.yml");
        JsonNode on = w.path("on");

        assertThat(on.path("workflow_dispatch").path("inputs").properties()).extracting(Map.Entry::getKey)
                .contains("suite", "arch", "market", "x86-instance-type", "arm-instance-type");
        assertThat(on.has("workflow_call")).isTrue();
        assertThat(on.path("workflow_dispatch").path("inputs").path("arch").path("options").toString())
                .isEqualTo("[\"both\",\"x86_64\",\"arm64\"]");
        List<JsonNode> steps = steps(w.path("jobs").path("benchmark"));
        assertThat(steps).anySatisfy(s -> assertThat(s.path("run").asText()).contains("./cloudbench \"${args[@]}\"")
                .contains("args=(run \"$SUITE\""));
        assertThat(steps).anySatisfy(s -> assertThat(s.path("run").asText()).contains(">> \"$GITHUB_STEP_SUMMARY\""));
        assertThat(steps).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("actions/upload-artifact@");
            assertThat(s.path("if").asText()).isEqualTo("always()");
        });
        assertThat(steps).anySatisfy(s -> assertThat(s.path("with").path("role-to-assume").asText())
                .isEqualTo("${{ vars.CLOUDBENCH_ROLE_ARN }}"));
    }
}
