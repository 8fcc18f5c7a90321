package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.functions.wiring.Functions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The IAM statements of each function in template.yaml ({@code <Function>Function}'s
 * {@code Policies}), read into a form tests can compare. Function policies are inline statements
 * only: SAM policy templates and managed policies would hide what they grant from these tests.
 */
final class FunctionPolicies {
    /** One statement, its resources written as text ({@link #text}). */
    record Statement(String function, String effect, List<String> actions, List<String> resources,
                     JsonNode condition) {
        boolean allows(String action) {
            return "Allow".equals(effect) && actions.contains(action);
        }
    }

    private FunctionPolicies() {
    }

    /** Every function of the registry, by name ({@code PlanRun}), with its statements. */
    static Map<String, List<Statement>> all() {
        Map<String, List<Statement>> out = new TreeMap<>();
        for (String function : Functions.names()) {
            out.put(function, of(function));
        }
        return out;
    }

    static List<Statement> of(String function) {
        JsonNode resource = Template.resources().path(function + "Function");
        assertThat(resource.path("Type").asText()).as(function + "Function in template.yaml")
                .isEqualTo("AWS::Serverless::Function");
        List<Statement> statements = new ArrayList<>();
        for (JsonNode policy : resource.path("Properties").path("Policies")) {
            assertThat(policy.isObject() && policy.has("Statement") && policy.size() == 1)
                    .as(function + ": policies are inline {Statement: [...]} documents, not " + policy).isTrue();
            for (JsonNode s : policy.path("Statement")) {
                assertThat(s.has("NotAction") || s.has("NotResource")).as(function + ": NotAction/NotResource in " + s)
                        .isFalse();
                statements.add(new Statement(function, s.path("Effect").asText(), strings(s.path("Action")),
                        strings(s.path("Resource")), s.path("Condition")));
            }
        }
        return statements;
    }

    /** The actions the function's Allow statements grant. */
    static Set<String> granted(List<Statement> statements) {
        Set<String> out = new TreeSet<>();
        statements.stream().filter(s -> "Allow".equals(s.effect())).forEach(s -> out.addAll(s.actions()));
        return out;
    }

    /** The Allow statements granting {@code action}. */
    static List<Statement> granting(List<Statement> statements, String action) {
        return statements.stream().filter(s -> s.allows(action)).toList();
    }

    /** A string or a list of them, resources as {@link #text}. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(text(n)));
        } else if (!node.isMissingNode()) {
            out.add(text(node));
        }
        return out;
    }

    /**
     * A value as text: literals as they are, {@code !Sub s} as s, {@code !GetAtt R.A} as
     * {@code ${R.A}}, {@code !Ref X} as {@code ${X}} — so that
     * {@code !Sub ${ResultsBucket.Arn}/runs/*} reads {@code ${ResultsBucket.Arn}/runs/*}.
     */
    static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Fn::Sub") && node.path("Fn::Sub").isTextual()) {
            return node.path("Fn::Sub").asText();
        }
        if (node.has("Fn::GetAtt")) {
            JsonNode g = node.path("Fn::GetAtt");
            return "${" + g.path(0).asText() + "." + g.path(1).asText() + "}";
        }
        if (node.has("Ref")) {
            return "${" + node.path("Ref").asText() + "}";
        }
        return node.toString();
    }
}
