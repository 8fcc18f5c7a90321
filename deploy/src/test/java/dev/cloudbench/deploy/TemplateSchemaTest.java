package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the schemas kept in the repository (deploy/src/test/resources/schemas): SAM resources against the SAM
 * schema, every other resource against its CloudFormation provider schema (unknown properties,
 * missing required ones, enum values). Values given by intrinsic functions are not literals, so
 * only their presence is checked.
 */
class TemplateSchemaTest {
    private static final Path SCHEMAS = Template.SCHEMAS;

    @Test
    void samResources_andGlobals_matchTheSamSchema() throws IOException {
        JsonNode samSchema = Json.payload().readTree(SCHEMAS.resolve("sam/sam.schema.json").toFile());
        Map<String, String> definitions = Map.of(
                "AWS::Serverless::Function", "samtranslator__internal__schema_source__aws_serverless_function__Resource",
                "AWS::Serverless::StateMachine",
                "samtranslator__internal__schema_source__aws_serverless_statemachine__Resource");
        List<String> problems = new ArrayList<>();
        Template.resources().fields().forEachRemaining(e -> {
            String type = e.getValue().path("Type").asText();
            if (type.startsWith("AWS::Serverless::")) {
                assertThat(definitions).as("a SAM type this test knows: " + type).containsKey(type);
                problems.addAll(validate(samSchema, "#/definitions/" + definitions.get(type), e.getValue(), e.getKey()));
            }
        });
        problems.addAll(validate(samSchema, "#/properties/Globals", Template.get().path("Globals"), "Globals"));
        assertThat(problems).isEmpty();
    }

    @Test
    void otherResources_matchTheirCloudFormationSchemas() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> Template.resources().fields()) {
            String type = e.getValue().path("Type").asText();
            if (type.startsWith("AWS::Serverless::")) {
                continue;
            }
            types.add(type);
            Path schemaFile = SCHEMAS.resolve("cloudformation/" + type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json");
            assertThat(schemaFile).as("provider schema for " + type).exists();
            JsonNode schema = Json.payload().readTree(schemaFile.toFile());
            JsonNode properties = e.getValue().path("Properties");
            problems.addAll(validate(schema, null, properties.isMissingNode() ? Json.payload().createObjectNode() : properties,
                    e.getKey()));
        }
        assertThat(types).contains("AWS::S3::Bucket", "AWS::IAM::Role", "AWS::CodeBuild::Project", "AWS::Events::Rule");
        assertThat(problems).isEmpty();
    }

    @Test
    void validation_catchesAnUnknownProperty_soTheTestsAboveCanFail() throws IOException {
        JsonNode schema = Json.payload().readTree(SCHEMAS.resolve("cloudformation/aws-s3-bucket.json").toFile());
        ObjectNode bad = Json.payload().createObjectNode();
        bad.put("BucketNam", "x");
        assertThat(validate(schema, null, bad, "Bad")).anyMatch(p -> p.contains("BucketNam"));
    }

    /** Schema problems of {@code value}, leaving out those about values given by intrinsic functions. */
    static List<String> validate(JsonNode schemaRoot, String pointer, JsonNode value, String name) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
        ObjectNode copy = schemaRoot.deepCopy();
        // Provider schemas name a meta-schema on the network; the definitions are all we need.
        copy.remove("$schema");
        copy.remove("$id");
        if (pointer != null) {
            ObjectNode ref = Json.payload().createObjectNode();
            ref.put("$ref", pointer);
            ref.set("definitions", copy.get("definitions"));
            ref.set("properties", copy.get("properties"));
            copy = ref;
        }
        dropJavaIncompatiblePatterns(copy);
        JsonSchema schema = factory.getSchema(copy, config);
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(value)) {
            if (!aboutIntrinsic(value, m)) {
                problems.add(name + ": " + m.getMessage());
            }
        }
        return problems;
    }

    /**
     * Some provider schemas use ECMAScript-only regular expressions (an unescaped '[' in a class);
     * those patterns are dropped rather than mis-read. Property names, required properties,
     * types and enums are still checked.
     */
    private static void dropJavaIncompatiblePatterns(JsonNode schema) {
        Template.walk(schema, "", (path, node) -> {
            if (node.isObject() && node.path("pattern").isTextual()) {
                try {
                    java.util.regex.Pattern.compile(node.path("pattern").asText());
                } catch (java.util.regex.PatternSyntaxException e) {
                    ((ObjectNode) node).remove("pattern");
                }
            }
        });
    }

    /** Whether the message is about a node that is, or lies under, or could be replaced by, an intrinsic. */
    private static boolean aboutIntrinsic(JsonNode root, ValidationMessage m) {
        JsonNode node = root;
        if (CfnYaml.isIntrinsic(node)) {
            return true;
        }
        String location = m.getInstanceLocation().toString();
        String[] parts = location.startsWith("/") ? location.substring(1).split("/")
                : location.replaceFirst("^\\$\\.?", "").split("(?<!\\\\)\\.|\\[|\\]");
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            node = part.matches("\\d+") && node.isArray() ? node.path(Integer.parseInt(part)) : node.path(part);
            if (CfnYaml.isIntrinsic(node)) {
                return true;
            }
        }
        // A oneOf/anyOf/type failure on a container may be caused by an intrinsic inside it.
        boolean[] hasIntrinsic = {false};
        Template.walk(node, "", (p, n) -> hasIntrinsic[0] |= CfnYaml.isIntrinsic(n));
        return hasIntrinsic[0] && !"additionalProperties".equals(m.getType()) && !"required".equals(m.getType())
                && !"enum".equals(m.getType());
    }
}
