package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** packer/buildspec.yml: the CodeBuild contract (the zip of packer/ is the source root). */
class BuildspecTest {
    private static JsonNode buildspec() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(Repo.PACKER.resolve("buildspec.yml").toFile());
    }

    private static List<String> commands(JsonNode buildspec, String phase) {
        List<String> commands = new ArrayList<>();
        buildspec.path("phases").path(phase).path("commands").forEach(c -> commands.add(c.asText()));
        return commands;
    }

    @Test
    void packer_isPinnedToAVersionAndTheSha256OfItsReleaseZips() throws IOException {
        JsonNode variables = buildspec().path("env").path("variables");

        assertThat(variables.path("PACKER_VERSION").asText()).matches("1\\.\\d+\\.\\d+");
        assertThat(variables.path("PACKER_SHA256_LINUX_AMD64").asText()).matches("[0-9a-f]{64}");
        assertThat(variables.path("PACKER_SHA256_LINUX_ARM64").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    void phases_installPacker_initThePlugins_thenBuildTheRequestedArchitecture() throws IOException {
        JsonNode buildspec = buildspec();

        assertThat(buildspec.path("version").asText()).isEqualTo("0.2");
        assertThat(buildspec.path("env").path("shell").asText()).isEqualTo("bash");
        assertThat(commands(buildspec, "install")).containsExactly("bash scripts/install-packer.sh");
        assertThat(commands(buildspec, "pre_build")).contains("packer init .");
        assertThat(commands(buildspec, "build")).containsExactly("bash scripts/build-image.sh");
    }

    @Test
    void everyScriptTheBuildspecRuns_existsUnderPacker() throws IOException {
        Matcher scripts = Pattern.compile("scripts/[\\w.-]+\\.sh").matcher(Repo.read(Repo.PACKER.resolve("buildspec.yml")));
        List<String> found = new ArrayList<>();
        while (scripts.find()) {
            found.add(scripts.group());
        }
        assertThat(found).isNotEmpty().allSatisfy(script -> assertThat(Repo.PACKER.resolve(script)).isRegularFile());
    }
}
