package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.functions.wiring.Functions;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Names that must meet: the definition's placeholders and the template's substitutions, the
 * functions the definition invokes and the template's functions, the handlers the template names
 * and the classes in the jar it deploys, and every Ref, GetAtt, Sub variable and condition name.
 */
class TemplateReferencesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** Pseudo parameters CloudFormation resolves itself. */
    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
    /** SAM types and the CloudFormation types whose attributes they pass through. */
    private static final Map<String, String> SAM_TYPES = Map.of("AWS::Serverless::Function", "AWS::Lambda::Function",
            "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine");
    private static final Path SCHEMAS = Template.SCHEMAS.resolve("cloudformation");

    private static JsonNode stateMachine() {
        List<Map.Entry<String, JsonNode>> machines = Template.resourcesOfType("AWS::Serverless::StateMachine");
        assertThat(machines).hasSize(1);
        return machines.get(0).getValue().path("Properties");
    }

    private static String definition() throws IOException {
        return Files.readString(Template.ROOT.resolve(stateMachine().path("DefinitionUri").asText()));
    }

    @Test
    void everyPlaceholderOfTheDefinition_isSubstituted_andEverySubstitutionIsUsed() throws IOException {
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(definition());
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> substitutions = new TreeSet<>();
        stateMachine().path("DefinitionSubstitutions").fieldNames().forEachRemaining(substitutions::add);

        assertThat(placeholders).isNotEmpty().isEqualTo(substitutions);
    }

    @Test
    void everyFunctionTheDefinitionInvokes_isAFunctionOfTheTemplate_thatTheStateMachineMayInvoke() throws IOException {
        JsonNode substitutions = stateMachine().path("DefinitionSubstitutions");
        Set<String> invoked = new TreeSet<>();
        Template.walk(Json.payload().readTree(definition()), "", (path, node) -> {
            if (node.isObject() && "Task".equals(node.path("Type").asText())) {
                // A callback task invokes its function through the Lambda integration's FunctionName.
                boolean callback = "arn:aws:states:::lambda:invoke.waitForTaskToken".equals(node.path("Resource").asText());
                Matcher m = PLACEHOLDER.matcher(callback ? node.path("Parameters").path("FunctionName").asText()
                        : node.path("Resource").asText());
                assertThat(m.matches()).as("the Task at " + path + " invokes a substituted function ARN").isTrue();
                JsonNode value = substitutions.path(m.group(1));
                // The alias SnapStart snapshots: !Ref <Name>Function.Alias.
                assertThat(value.path("Ref").asText()).as(m.group(1)).endsWith("Function.Alias");
                invoked.add(value.path("Ref").asText().replaceFirst("\\.Alias$", ""));
            }
        });
        Set<String> functions = new TreeSet<>();
        Template.resourcesOfType("AWS::Serverless::Function").forEach(e -> functions.add(e.getKey()));
        Set<String> invokable = new TreeSet<>();
        stateMachine().path("Policies").forEach(p -> {
            if (p.has("LambdaInvokePolicy")) {
                invokable.add(p.path("LambdaInvokePolicy").path("FunctionName").path("Ref").asText());
            }
        });

        Set<String> tasks = new TreeSet<>();
        Functions.taskNames().forEach(t -> tasks.add(t + "Function"));
        Set<String> registry = new TreeSet<>();
        Functions.names().forEach(f -> registry.add(f + "Function"));
        assertThat(functions).as("the template's functions are the registry's").isEqualTo(registry);
        assertThat(invoked).isEqualTo(tasks);
        assertThat(invokable).isEqualTo(invoked);
        assertThat(Template.get().path("Globals").path("Function").path("AutoPublishAlias").asText()).isNotEmpty();
    }

    @Test
    void everyHandlerTheTemplateNames_isAClassInTheDeployedJar_thatLambdaCanConstruct() throws Exception {
        String codeUri = Template.get().path("Globals").path("Function").path("CodeUri").asText();
        assertThat(codeUri).isEqualTo("functions/target/cloudbench-functions-lambda.jar");
        Path jar = Template.ROOT.resolve(codeUri);
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: it is the functions module's shaded jar (mvn package -pl functions -am)");
        }
        List<Map.Entry<String, JsonNode>> functions = Template.resourcesOfType("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty();
        try (JarFile deployed = new JarFile(jar.toFile())) {
            for (Map.Entry<String, JsonNode> f : functions) {
                assertThat(f.getValue().path("Properties").has("CodeUri")).as(f.getKey() + " uses the jar of Globals")
                        .isFalse();
                String handler = f.getValue().path("Properties").path("Handler").asText();
                assertThat(handler).as(f.getKey()).matches("[\\w.]+::\\w+");
                String className = handler.substring(0, handler.indexOf("::"));
                String method = handler.substring(handler.indexOf("::") + 2);
                assertThat(deployed.getEntry(className.replace('.', '/') + ".class")).as(handler + " in " + jar)
                        .isNotNull();

                Class<?> type = Class.forName(className, false, getClass().getClassLoader());
                assertThat(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()))
                        .as(className + " is a public concrete class").isTrue();
                Constructor<?> constructor = type.getConstructor(); // the one Lambda calls
                assertThat(Modifier.isPublic(constructor.getModifiers())).as(className).isTrue();
                assertThat(RequestStreamHandler.class).as(className).isAssignableFrom(type);
                assertThat(method).as(handler).isEqualTo("handleRequest");
            }
        }
    }

    @Test
    void everyRefGetAttSubVariableAndCondition_namesSomethingThatExists() {
        assertThat(danglingReferences(Template.get())).isEmpty();
    }

    @Test
    void danglingReferences_areFound_soTheTestAboveCanFail() {
        ObjectNode broken = Template.get().deepCopy();
        ObjectNode env = (ObjectNode) broken.path("Globals").path("Function").path("Environment").path("Variables");
        env.set("A", Json.payload().createObjectNode().put("Ref", "NoSuchParameter"));
        env.set("B", Json.payload().createObjectNode().put("Fn::Sub", "${NoSuchBucket.Arn}/x"));
        env.set("C", Json.payload().createObjectNode().set("Fn::GetAtt",
                Json.payload().createArrayNode().add("ResultsBucket").add("NoSuchAttribute")));
        ((ObjectNode) broken.path("Resources").path("RunEndedRule")).put("Condition", "NoSuchCondition");

        assertThat(danglingReferences(broken)).hasSize(4).anyMatch(p -> p.contains("NoSuchParameter"))
                .anyMatch(p -> p.contains("NoSuchBucket")).anyMatch(p -> p.contains("NoSuchAttribute"))
                .anyMatch(p -> p.contains("NoSuchCondition"));
    }

    /** Every name used in {@code template} that no parameter, resource, attribute or condition defines. */
    static List<String> danglingReferences(JsonNode template) {
        JsonNode resources = template.path("Resources");
        Set<String> parameters = names(template.path("Parameters"));
        Set<String> conditions = names(template.path("Conditions"));
        List<String> problems = new ArrayList<>();
        Template.walk(template, "", (path, node) -> {
            if (!node.isObject()) {
                return;
            }
            if (node.has("Ref") && node.size() == 1) {
                String name = node.path("Ref").asText();
                if (!refExists(name, resources, parameters)) {
                    problems.add(path + ": !Ref " + name);
                }
            }
            if (node.has("Fn::GetAtt") && node.size() == 1) {
                JsonNode g = node.path("Fn::GetAtt");
                String problem = attributeProblem(g.path(0).asText(), g.path(1).asText(), resources);
                if (problem != null) {
                    problems.add(path + ": !GetAtt " + g.path(0).asText() + "." + g.path(1).asText() + ": " + problem);
                }
            }
            if (node.has("Fn::Sub") && node.size() == 1) {
                JsonNode sub = node.path("Fn::Sub");
                String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
                Set<String> variables = sub.isArray() ? names(sub.path(1)) : Set.of();
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    String v = m.group(1);
                    if (v.startsWith("!") || variables.contains(v) || refExists(v, resources, parameters)) {
                        continue;
                    }
                    int dot = v.indexOf('.');
                    String problem = dot < 0 ? "nothing of that name"
                            : attributeProblem(v.substring(0, dot), v.substring(dot + 1), resources);
                    if (problem != null) {
                        problems.add(path + ": ${" + v + "} in !Sub: " + problem);
                    }
                }
            }
            if (node.has("Fn::If") && node.size() == 1 && !conditions.contains(node.path("Fn::If").path(0).asText())) {
                problems.add(path + ": !If on unknown condition " + node.path("Fn::If").path(0).asText());
            }
            if (node.has("Condition") && node.path("Condition").isTextual()
                    && !conditions.contains(node.path("Condition").asText())) {
                problems.add(path + ": unknown condition " + node.path("Condition").asText());
            }
            JsonNode dependsOn = node.path("DependsOn");
            for (JsonNode d : dependsOn.isArray() ? dependsOn : Json.payload().createArrayNode().add(dependsOn)) {
                if (d.isTextual() && !resources.has(d.asText())) {
                    problems.add(path + ": DependsOn " + d.asText());
                }
            }
        });
        return problems;
    }

    private static boolean refExists(String name, JsonNode resources, Set<String> parameters) {
        if (PSEUDO.contains(name) || parameters.contains(name) || resources.has(name)) {
            return true;
        }
        // SAM: <Function>.Alias and <Function>.Version of a function with AutoPublishAlias.
        int dot = name.indexOf('.');
        return dot > 0 && Set.of("Alias", "Version").contains(name.substring(dot + 1))
                && "AWS::Serverless::Function".equals(resources.path(name.substring(0, dot)).path("Type").asText());
    }

    /** Null when {@code resource} exists and its type has {@code attribute}; else what is wrong. */
    private static String attributeProblem(String resource, String attribute, JsonNode resources) {
        if (!resources.has(resource)) {
            return "no resource " + resource;
        }
        String type = resources.path(resource).path("Type").asText();
        type = SAM_TYPES.getOrDefault(type, type);
        if (type.equals("AWS::StepFunctions::StateMachine") && attribute.equals("Name")) {
            return null; // a SAM state machine's Name attribute
        }
        Path schema = SCHEMAS.resolve(type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json");
        if (!Files.isRegularFile(schema)) {
            return "no provider schema for " + type + " in " + SCHEMAS;
        }
        try {
            JsonNode s = Json.payload().readTree(schema.toFile());
            String pointer = "/properties/" + attribute.replace('.', '/');
            Set<String> known = new HashSet<>();
            s.path("readOnlyProperties").forEach(p -> known.add(p.asText()));
            s.path("properties").fieldNames().forEachRemaining(p -> known.add("/properties/" + p));
            return known.contains(pointer) ? null : type + " has no attribute " + attribute;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
