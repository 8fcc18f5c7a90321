package dev.cloudbench.deploy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as CloudFormation would deploy it for one fixed stack (stack {@value #NAME} in
 * {@value #REGION}, account {@value #ACCOUNT}): parameters from their defaults plus the test's
 * choices, conditions evaluated, and {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub},
 * {@code Fn::If}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split} replaced by the text they
 * produce. Physical names are made up as CloudFormation makes them ({@code <stack>-<LogicalId>-<suffix>});
 * ARN shapes and return values follow each resource type's documented {@code Ref}/{@code GetAtt}.
 */
public final class TestStack {
    public static final String NAME = "bench";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "123456789012";
    public static final String SECURITY_GROUP_ID = "sg-0123456789abcdef0";
    private static final String SUFFIX = "1A2B3C4D5E6F";
    private static final String NO_VALUE = "\u0000AWS::NoValue";

    private final JsonNode template;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    public TestStack(JsonNode template, Map<String, String> choices) {
        this.template = template;
        template.path("Parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue().path("Default").asText("")));
        choices.forEach((k, v) -> {
            if (!parameters.containsKey(k)) {
                throw new IllegalArgumentException("template.yaml has no parameter " + k);
            }
            parameters.put(k, v);
        });
    }

    /** The resource with every intrinsic resolved, or a missing node when its Condition is false. */
    public JsonNode resource(String logicalId) {
        JsonNode r = template.path("Resources").path(logicalId);
        if (r.isMissingNode()) {
            throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
        }
        if (r.has("Condition") && !condition(r.path("Condition").asText())) {
            return JsonNodeFactory.instance.missingNode();
        }
        return resolve(r);
    }

    public boolean condition(String name) {
        JsonNode c = template.path("Conditions").path(name);
        if (c.isMissingNode()) {
            throw new IllegalArgumentException("template.yaml has no condition " + name);
        }
        return truth(c);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public String bucket() {
        return ref("ResultsBucket");
    }

    /** A condition expression (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition), as in Conditions or a Rule. */
    public boolean truth(JsonNode c) {
        if (c.has("Condition")) {
            return condition(c.path("Condition").asText());
        }
        if (c.has("Fn::Equals")) {
            return text(resolve(c.path("Fn::Equals").get(0))).equals(text(resolve(c.path("Fn::Equals").get(1))));
        }
        if (c.has("Fn::Not")) {
            return !truth(c.path("Fn::Not").get(0));
        }
        if (c.has("Fn::And")) {
            boolean all = true;
            for (JsonNode x : c.path("Fn::And")) {
                all &= truth(x);
            }
            return all;
        }
        if (c.has("Fn::Or")) {
            boolean any = false;
            for (JsonNode x : c.path("Fn::Or")) {
                any |= truth(x);
            }
            return any;
        }
        throw new IllegalArgumentException("condition this test stack cannot evaluate: " + c);
    }

    /** Resolves every intrinsic in {@code node}; {@code AWS::NoValue} removes the property or item. */
    public JsonNode resolve(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode arg = node.path(key);
            switch (key) {
                case "Ref" -> {
                    return f.textNode(ref(arg.asText()));
                }
                case "Fn::GetAtt" -> {
                    return f.textNode(getAtt(arg.get(0).asText(), arg.get(1).asText()));
                }
                case "Fn::Sub" -> {
                    return f.textNode(sub(arg));
                }
                case "Fn::If" -> {
                    return resolve(truth(f.objectNode().put("Condition", arg.get(0).asText())) ? arg.get(1) : arg.get(2));
                }
                case "Fn::Join" -> {
                    List<String> parts = new ArrayList<>();
                    resolve(arg.get(1)).forEach(p -> parts.add(text(p)));
                    return f.textNode(String.join(arg.get(0).asText(), parts));
                }
                case "Fn::Split" -> {
                    ArrayNode out = f.arrayNode();
                    for (String p : text(resolve(arg.get(1))).split(Pattern.quote(arg.get(0).asText()), -1)) {
                        out.add(p);
                    }
                    return out;
                }
                case "Fn::Select" -> {
                    return resolve(arg.get(1)).get(Integer.parseInt(text(resolve(arg.get(0)))));
                }
                default -> {
                    if (key.startsWith("Fn::")) {
                        throw new IllegalArgumentException("intrinsic this test stack cannot resolve: " + node);
                    }
                }
            }
        }
        if (node.isObject()) {
            ObjectNode out = f.objectNode();
            node.fields().forEachRemaining(e -> {
                JsonNode v = resolve(e.getValue());
                if (!NO_VALUE.equals(v.asText(null))) {
                    out.set(e.getKey(), v);
                }
            });
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = f.arrayNode();
            node.forEach(n -> {
                JsonNode v = resolve(n);
                if (!NO_VALUE.equals(v.asText(null))) {
                    out.add(v);
                }
            });
            return out;
        }
        return node;
    }

    private static String text(JsonNode n) {
        if (!n.isValueNode()) {
            throw new IllegalArgumentException("expected text, not " + n);
        }
        return n.asText();
    }

    private String sub(JsonNode arg) {
        String text = arg.isTextual() ? arg.asText() : arg.get(0).asText();
        Map<String, String> local = new LinkedHashMap<>();
        if (arg.isArray()) {
            arg.get(1).fields().forEachRemaining(e -> local.put(e.getKey(), text(resolve(e.getValue()))));
        }
        Matcher m = Pattern.compile("\\$\\{(!?)([^}]*)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            String value;
            if (!m.group(1).isEmpty()) {
                value = "${" + name + "}"; // ${!Literal}: CloudFormation writes ${Literal}, e.g. an IAM policy variable
            } else if (local.containsKey(name)) {
                value = local.get(name);
            } else if (name.contains(".")) {
                value = getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1));
            } else {
                value = ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Partition" -> {
                return "aws";
            }
            case "AWS::Region" -> {
                return REGION;
            }
            case "AWS::AccountId" -> {
                return ACCOUNT;
            }
            case "AWS::StackName" -> {
                return NAME;
            }
            case "AWS::StackId" -> {
                return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + NAME
                        + "/0c3a1f20-0000-4000-8000-000000000000";
            }
            case "AWS::URLSuffix" -> {
                return "amazonaws.com";
            }
            case "AWS::NoValue" -> {
                return NO_VALUE;
            }
            default -> {
            }
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (name.endsWith(".Alias")) { // SAM: Ref of <Function>.Alias is the AutoPublishAlias's ARN
            return getAtt(name.substring(0, name.length() - ".Alias".length()), "Alias");
        }
        JsonNode r = template.path("Resources").path(name);
        String type = r.path("Type").asText();
        String physical = physicalName(name, r);
        return switch (type) {
            case "AWS::S3::Bucket", "AWS::IAM::Role", "AWS::CodeBuild::Project", "AWS::Logs::LogGroup",
                 "AWS::Serverless::Function", "AWS::IAM::InstanceProfile", "AWS::Events::Rule" -> physical;
            case "AWS::EC2::SecurityGroup" -> SECURITY_GROUP_ID;
            case "AWS::Serverless::StateMachine" -> arn("states", "stateMachine:" + physical);
            case "AWS::SNS::Topic" -> arn("sns", physical);
            case "AWS::KMS::Key" -> "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
            case "AWS::KMS::Alias" -> "alias/" + physical;
            case "AWS::IAM::OIDCProvider" -> "arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com";
            default -> throw new IllegalArgumentException("Ref of " + name + " (" + type + ") unknown to the test stack");
        };
    }

    private String getAtt(String name, String attribute) {
        JsonNode r = template.path("Resources").path(name);
        String type = r.path("Type").asText();
        String physical = physicalName(name, r);
        String key = type + "." + attribute;
        if (type.equals("AWS::Serverless::Function") && attribute.equals("Alias")) {
            return arn("lambda", "function:" + physical + ":live");
        }
        return switch (key) {
            case "AWS::S3::Bucket.Arn" -> "arn:aws:s3:::" + physical;
            case "AWS::IAM::Role.Arn" -> "arn:aws:iam::" + ACCOUNT + ":role/" + physical;
            case "AWS::IAM::Role.RoleId" -> "AROA" + SUFFIX + "EXAMPLE";
            case "AWS::IAM::InstanceProfile.Arn" -> "arn:aws:iam::" + ACCOUNT + ":instance-profile/" + physical;
            case "AWS::CodeBuild::Project.Arn" -> arn("codebuild", "project/" + physical);
            // A log group's Arn ends in ":*" (AWS::Logs::LogGroup return values).
            case "AWS::Logs::LogGroup.Arn" -> arn("logs", "log-group:" + physical + ":*");
            case "AWS::EC2::SecurityGroup.GroupId" -> SECURITY_GROUP_ID;
            case "AWS::Serverless::StateMachine.Name" -> physical;
            case "AWS::Serverless::StateMachine.Arn" -> ref(name);
            case "AWS::Serverless::Function.Arn" -> arn("lambda", "function:" + physical);
            case "AWS::Events::Rule.Arn" -> arn("events", "rule/" + physical);
            case "AWS::SNS::Topic.TopicArn" -> ref(name);
            case "AWS::KMS::Key.Arn" -> arn("kms", "key/" + ref(name));
            default -> throw new IllegalArgumentException("GetAtt " + name + "." + attribute + " unknown to the test stack");
        };
    }

    /** The resource's name property when the template sets one, else what CloudFormation generates. */
    private String physicalName(String logicalId, JsonNode resource) {
        if (resource.isMissingNode()) {
            throw new IllegalArgumentException("template.yaml has no resource or parameter " + logicalId);
        }
        JsonNode p = resource.path("Properties");
        for (String property : List.of("Name", "LogGroupName", "BucketName", "RoleName", "FunctionName", "TopicName")) {
            if (p.has(property)) {
                return text(resolve(p.path(property)));
            }
        }
        String generated = NAME + "-" + logicalId + "-" + SUFFIX;
        return resource.path("Type").asText().equals("AWS::S3::Bucket") ? generated.toLowerCase(java.util.Locale.ROOT)
                : generated;
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
    }
}
