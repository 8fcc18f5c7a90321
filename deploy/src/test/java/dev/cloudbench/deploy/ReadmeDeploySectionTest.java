package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's deploy section stays true to template.yaml. */
class ReadmeDeploySectionTest {
    private static String readme() throws IOException {
        return Files.readString(Template.ROOT.resolve("README.md"));
    }

    @Test
    void everyParameterOfTheTemplate_isDocumented() throws IOException {
        String readme = readme();
        List<String> missing = new ArrayList<>();
        Template.get().path("Parameters").fieldNames().forEachRemaining(p -> {
            if (!readme.contains("`" + p + "`")) {
                missing.add(p);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyParameterOrOutputTheReadmeNames_existsInTheTemplate() throws IOException {
        Matcher m = Pattern.compile("OutputKey=='([A-Za-z]+)'|<([A-Za-z]+Name)>").matcher(readme());
        List<String> unknown = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (Template.get().path("Outputs").path(name).isMissingNode()) {
                unknown.add(name);
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theDocumentedCodeUri_isTheTemplates() throws IOException {
        String codeUri = Template.get().path("Globals").path("Function").path("CodeUri").asText();
        assertThat(readme()).contains(codeUri);
    }
}
