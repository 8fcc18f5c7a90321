package dev.cloudbench.deploy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions and trust of a role in the resolved template: an {@code AWS::IAM::Role}'s inline
 * policies, or an {@code AWS::Serverless::StateMachine}'s {@code Policies} (inline statements and
 * the SAM policy template {@code LambdaInvokePolicy}, expanded as SAM's policy_templates.json
 * defines it). Managed policies are refused: what they grant is not in the template to evaluate.
 */
public final class RolePolicies {
    private RolePolicies() {
    }

    /** An evaluator for everything the role may do. */
    public static PolicyEvaluator permissions(TestStack stack, String logicalId) {
        return new PolicyEvaluator(statements(stack, logicalId));
    }

    /** An evaluator for who may assume the role. */
    public static PolicyEvaluator trust(TestStack stack, String logicalId) {
        List<JsonNode> out = new ArrayList<>();
        present(stack, logicalId).path("Properties").path("AssumeRolePolicyDocument").path("Statement").forEach(out::add);
        return new PolicyEvaluator(out);
    }

    public static List<JsonNode> statements(TestStack stack, String logicalId) {
        JsonNode resource = present(stack, logicalId);
        JsonNode properties = resource.path("Properties");
        List<JsonNode> out = new ArrayList<>();
        switch (resource.path("Type").asText()) {
            case "AWS::IAM::Role" -> {
                if (properties.has("ManagedPolicyArns")) {
                    throw new AssertionError(logicalId + " attaches managed policies " + properties.path("ManagedPolicyArns")
                            + ": what they grant cannot be proven from the template");
                }
                properties.path("Policies").forEach(p -> p.path("PolicyDocument").path("Statement").forEach(out::add));
            }
            case "AWS::Serverless::StateMachine" -> properties.path("Policies").forEach(p -> {
                if (p.has("Statement")) {
                    p.path("Statement").forEach(out::add);
                } else if (p.has("LambdaInvokePolicy")) {
                    out.add(lambdaInvoke(p.path("LambdaInvokePolicy").path("FunctionName").asText()));
                } else {
                    throw new AssertionError(logicalId + ": a policy this test cannot expand: " + p);
                }
            });
            default -> throw new IllegalArgumentException(logicalId + " is not a role");
        }
        return out;
    }

    /** Every action an Allow statement of the role names (wildcards as written). */
    public static Set<String> allowedActions(TestStack stack, String logicalId) {
        Set<String> out = new TreeSet<>();
        statements(stack, logicalId).stream().filter(s -> "Allow".equals(s.path("Effect").asText()))
                .forEach(s -> out.addAll(PolicyEvaluator.strings(s.path("Action"))));
        return out;
    }

    private static JsonNode present(TestStack stack, String logicalId) {
        JsonNode resource = stack.resource(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError(logicalId + " is not created with these parameters");
        }
        return resource;
    }

    /**
     * SAM's LambdaInvokePolicy: lambda:InvokeFunction on
     * {@code arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${functionName}*}.
     * https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html#lambda-invoke-policy
     */
    private static JsonNode lambdaInvoke(String functionName) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("Effect", "Allow");
        s.putArray("Action").add("lambda:InvokeFunction");
        s.put("Resource", "arn:aws:lambda:" + TestStack.REGION + ":" + TestStack.ACCOUNT + ":function:" + functionName + "*");
        return s;
    }
}
