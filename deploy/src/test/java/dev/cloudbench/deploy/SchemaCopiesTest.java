package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schemas kept in the repository: one for every resource type the template uses, so the schema
 * tests run in a fresh clone; and, where ../shared/schemas is beside the clone, unchanged copies.
 */
class SchemaCopiesTest {
    private static final Path STATES = Template.ROOT.resolve("statemachine/src/test/resources/schemas/statemachine.schema.json");

    @Test
    void everyResourceTypeOfTheTemplate_hasItsSchemaInTheRepository() {
        Set<String> missing = new TreeSet<>();
        Template.resources().forEach(r -> {
            String type = r.path("Type").asText();
            type = switch (type) {
                case "AWS::Serverless::Function" -> "AWS::Lambda::Function";
                case "AWS::Serverless::StateMachine" -> "AWS::StepFunctions::StateMachine";
                default -> type;
            };
            Path schema = Template.SCHEMAS.resolve("cloudformation/" + type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json");
            if (!Files.isRegularFile(schema)) {
                missing.add(type);
            }
        });
        assertThat(missing).isEmpty();
        assertThat(Template.SCHEMAS.resolve("sam/sam.schema.json")).isRegularFile();
        assertThat(STATES).isRegularFile();
    }

    @Test
    void theCopies_areUnchangedFromTheSharedSchemas_whereThoseArePresent() throws IOException {
        Path shared = Template.SHARED.resolve("schemas");
        if (!Files.isDirectory(shared)) {
            return; // a user's clone: nothing to compare with, and the copies are what the tests use
        }
        List<String> changed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Template.SCHEMAS)) {
            for (Path copy : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Path original = shared.resolve(Template.SCHEMAS.relativize(copy).toString());
                if (!Files.exists(original) || Files.mismatch(copy, original) != -1) {
                    changed.add(Template.SCHEMAS.relativize(copy).toString());
                }
            }
        }
        if (Files.mismatch(STATES, shared.resolve("states/statemachine.schema.json")) != -1) {
            changed.add("statemachine.schema.json");
        }
        assertThat(changed).isEmpty();
    }
}
