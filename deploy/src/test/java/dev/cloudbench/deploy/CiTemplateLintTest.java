package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * .github/workflows/ci.yml lints the template on GitHub's runners with cfn-lint and
 * {@code sam validate --lint}, each at a pinned version, every action pinned by commit SHA.
 */
class CiTemplateLintTest {
    private static JsonNode steps() throws IOException {
        JsonNode ci = new ObjectMapper(new YAMLFactory()).readTree(Template.ROOT.resolve(".github/workflows/ci.yml").toFile());
        JsonNode steps = null;
        for (JsonNode job : (Iterable<JsonNode>) ci.path("jobs")::elements) {
            for (JsonNode step : job.path("steps")) {
                if (step.path("run").asText().contains("cfn-lint")) {
                    steps = job.path("steps");
                }
            }
        }
        assertThat(steps).as("a job of ci.yml that runs cfn-lint").isNotNull();
        return steps;
    }

    private static List<String> runs(JsonNode steps) {
        List<String> out = new ArrayList<>();
        steps.forEach(s -> out.add(s.path("run").asText()));
        return out;
    }

    @Test
    void cfnLint_isAPinnedVersion_andLintsTheTemplate() throws IOException {
        String run = String.join("\n", runs(steps()));

        assertThat(run).containsPattern("pip\"? install (--quiet )?cfn-lint==\\d+\\.\\d+\\.\\d+\\b")
                .containsPattern("cfn-lint\"? template\\.yaml");
    }

    @Test
    void samValidateLint_runsWithAPinnedSamCli_fromAnActionPinnedBySha() throws IOException {
        JsonNode steps = steps();
        JsonNode setupSam = null;
        for (JsonNode s : steps) {
            if (s.path("uses").asText().startsWith("aws-actions/setup-sam@")) {
                setupSam = s;
            }
        }

        assertThat(setupSam).as("aws-actions/setup-sam").isNotNull();
        assertThat(setupSam.path("uses").asText()).matches("aws-actions/setup-sam@[0-9a-f]{40}");
        assertThat(setupSam.path("with").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(runs(steps)).anyMatch(r -> r.matches("(?s).*sam validate --lint --template template\\.yaml.*"));
        steps.forEach(s -> {
            if (s.has("uses")) {
                assertThat(s.path("uses").asText()).matches("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");
            }
        });
    }
}
