package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.validation.InstanceTypePatterns;
import dev.cloudbench.deploy.FunctionPolicies.Statement;
import dev.cloudbench.functions.wiring.Functions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven: each function's policy in template.yaml grants exactly the IAM actions
 * of the AWS operations its adapters sent while its handler ran on the stand-ins (the functions
 * module's IamOperationsTest records them), plus the documented actions those operations imply —
 * on exactly the resources the requests named, with the tag conditions AWS supports.
 */
class IamPolicyTest {
    private static final String ARN = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:";
    private static final String INSTANCES = ARN + "instance/*";
    private static final String VOLUMES = ARN + "volume/*";
    private static final String BUCKET = "${ResultsBucket.Arn}";
    private static final String STACK_TAG = "cloudbench:stack";

    /**
     * Actions an operation needs although no operation of their own is sent: IAM authorizes them
     * as part of the recorded one. Keyed by the recorded action; each with its reason.
     */
    static final Map<String, Map<String, String>> IMPLIED = Map.of(
            "s3:GetObject", Map.of("s3:ListBucket", "a missing key answers 404 NoSuchKey, which the result store "
                    + "reads as absent, only to a caller allowed to list the bucket; others get 403 AccessDenied"),
            "ec2:RunInstances", Map.of(
                    "iam:PassRole", "launching with an instance profile passes the profile's role to EC2",
                    "ec2:CreateTags", "RunInstances' tag specifications tag the instance and volume on create",
                    "iam:CreateServiceLinkedRole", "a spot launch in an account without EC2's AWSServiceRoleForEC2Spot "
                            + "creates that service-linked role with the caller's permission (else RunInstances fails "
                            + "with AuthFailure.ServiceLinkedRoleCreationNotPermitted)"));

    /** Actions that have no resource-level permissions (Service Authorization Reference): "*" only. */
    static final Set<String> NO_RESOURCE_TYPES = Set.of("ec2:DescribeImages", "ec2:DescribeInstanceTypeOfferings",
            "ec2:DescribeInstanceTypes", "ec2:DescribeInstances", "ec2:DescribeSpotPriceHistory",
            "ec2:DescribeSubnets", "ssm:DescribeInstanceInformation", "ssm:GetCommandInvocation", "ssm:ListCommands",
            // Granted on "*": a narrower grant on quota ARNs would deny the call if GetServiceQuota
            // has no resource type (the reference lists the quota resource for increase requests).
            "servicequotas:GetServiceQuota",
            // Task tokens are no resource: SendTaskSuccess has no resource type.
            "states:SendTaskSuccess");

    /** The resources of every other action that are not read from the record (S3 prefixes, SSM documents). */
    static final Map<String, Set<String>> RESOURCES = Map.of(
            "ec2:RunInstances", Set.of(INSTANCES, VOLUMES, "arn:${AWS::Partition}:ec2:${AWS::Region}::image/*",
                    ARN + "subnet/*", ARN + "network-interface/*", ARN + "security-group/${InstanceSecurityGroup.GroupId}",
                    ARN + "spot-instances-request/*"),
            "ec2:CreateTags", Set.of(INSTANCES, VOLUMES),
            "ec2:TerminateInstances", Set.of(INSTANCES),
            "iam:PassRole", Set.of("${InstanceRole.Arn}"),
            "iam:CreateServiceLinkedRole", Set.of("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
                    + "spot.amazonaws.com/AWSServiceRoleForEC2Spot"),
            "codebuild:StartBuild", Set.of("${ImageBuildProject.Arn}"),
            "codebuild:BatchGetBuilds", Set.of("${ImageBuildProject.Arn}"),
            "states:DescribeExecution", Set.of("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:"
                    + "execution:${AWS::StackName}-benchmark:*", "arn:${AWS::Partition}:states:${AWS::Region}:"
                    + "${AWS::AccountId}:execution:${AWS::StackName}-benchmark/*"),
            "s3:ListBucket", Set.of(BUCKET));

    @Test
    void theRecord_andTheTemplate_haveTheSameFunctions() {
        Set<String> inTemplate = new TreeSet<>();
        Template.resourcesOfType("AWS::Serverless::Function")
                .forEach(e -> inTemplate.add(e.getKey().replaceFirst("Function$", "")));

        assertThat(inTemplate).isEqualTo(new TreeSet<>(Functions.names()));
        assertThat(IamRecord.operations().keySet()).isEqualTo(inTemplate);
    }

    @Test
    void everyFunctionsPolicy_grantsExactlyTheActionsItsAdaptersSend_andWhatThoseImply() {
        Map<String, Set<String>> granted = new TreeMap<>();
        FunctionPolicies.all().forEach((f, statements) -> granted.put(f, FunctionPolicies.granted(statements)));

        assertThat(differences(IamRecord.operations(), granted)).isEmpty();
    }

    @Test
    void differences_nameAMissingAction_andAnUnusedOne_soTheTestAboveCanFail() {
        Map<String, Set<String>> recorded = Map.of("Sweep", Set.of("ec2:DescribeInstances", "ec2:TerminateInstances"),
                "PlanRun", Set.of("s3:GetObject"));
        Map<String, Set<String>> granted = Map.of("Sweep", Set.of("ec2:DescribeInstances", "ec2:StopInstances"),
                "PlanRun", Set.of("s3:GetObject", "s3:ListBucket"));

        assertThat(differences(recorded, granted)).containsExactly(
                "Sweep: missing ec2:TerminateInstances (sent by its adapters)",
                "Sweep: unused ec2:StopInstances (no adapter of it sends it, nor implies it)");
        assertThat(differences(Map.of("PlanRun", Set.of("s3:GetObject")), Map.of("PlanRun", Set.of("s3:GetObject"))))
                .singleElement().asString().startsWith("PlanRun: missing s3:ListBucket (implied by s3:GetObject: ");
    }

    /** What a policy lacks and what it grants beyond the recorded actions and their implied ones. */
    static List<String> differences(Map<String, Set<String>> recorded, Map<String, Set<String>> granted) {
        List<String> problems = new ArrayList<>();
        for (String function : new TreeSet<>(recorded.keySet())) {
            Map<String, String> expected = new TreeMap<>();
            for (String action : recorded.get(function)) {
                expected.put(action, "sent by its adapters");
                IMPLIED.getOrDefault(action, Map.of()).forEach((implied, reason) ->
                        expected.putIfAbsent(implied, "implied by " + action + ": " + reason));
            }
            Set<String> has = granted.getOrDefault(function, Set.of());
            expected.forEach((action, why) -> {
                if (!has.contains(action)) {
                    problems.add(function + ": missing " + action + " (" + why + ")");
                }
            });
            new TreeSet<>(has).stream().filter(a -> !expected.containsKey(a)).forEach(a ->
                    problems.add(function + ": unused " + a + " (no adapter of it sends it, nor implies it)"));
        }
        return problems;
    }

    @Test
    void everyAction_isGrantedOnExactlyTheResourcesItsRequestsName() {
        Map<String, Map<String, Set<String>>> recorded = IamRecord.resources();
        List<String> problems = new ArrayList<>();
        FunctionPolicies.all().forEach((function, statements) -> {
            Map<String, Set<String>> resources = new TreeMap<>();
            statements.stream().filter(s -> "Allow".equals(s.effect())).forEach(s -> s.actions().forEach(a ->
                    resources.computeIfAbsent(a, x -> new TreeSet<>()).addAll(s.resources())));
            resources.forEach((action, granted) -> {
                Set<String> expected = expectedResources(action, recorded.getOrDefault(function, Map.of()));
                if (expected == null) {
                    problems.add(function + ": no expected resources known for " + action + " (add them to this test)");
                } else if (!granted.equals(expected)) {
                    problems.add(function + ": " + action + " on " + granted + ", expected " + expected);
                }
            });
        });

        assertThat(problems).isEmpty();
    }

    private static Set<String> expectedResources(String action, Map<String, Set<String>> recorded) {
        if (NO_RESOURCE_TYPES.contains(action)) {
            return new TreeSet<>(Set.of("*"));
        }
        if (action.equals("s3:GetObject") || action.equals("s3:PutObject")) {
            // Objects under the top-level prefixes the function's keys used: runs/*, logs/*, ...
            Set<String> out = new TreeSet<>();
            recorded.getOrDefault(action, Set.of()).forEach(prefix -> out.add(BUCKET + "/" + prefix));
            return out;
        }
        if (action.equals("ssm:SendCommand")) {
            Set<String> out = new TreeSet<>(Set.of(INSTANCES));
            recorded.getOrDefault(action, Set.of()).forEach(document ->
                    out.add("arn:${AWS::Partition}:ssm:${AWS::Region}::" + document));
            return out;
        }
        return RESOURCES.containsKey(action) ? new TreeSet<>(RESOURCES.get(action)) : null;
    }

    @Test
    void terminating_isLimitedToInstancesTaggedWithThisStack() {
        List<Statement> terminate = allGranting("ec2:TerminateInstances");

        assertThat(terminate).isNotEmpty().allSatisfy(s -> {
            assertThat(s.resources()).as(s.function()).containsExactly(INSTANCES);
            assertThat(s.condition()).as(s.function()).isEqualTo(stringEquals("aws:ResourceTag/" + STACK_TAG, stackName()));
        });
    }

    @Test
    void passRole_isForTheInstanceRoleOnly_andOnlyToEc2() {
        List<Statement> passRole = allGranting("iam:PassRole");

        assertThat(passRole).extracting(Statement::function).containsOnly("LaunchInstance");
        assertThat(passRole).isNotEmpty().allSatisfy(s -> {
            assertThat(s.resources()).containsExactly("${InstanceRole.Arn}");
            assertThat(s.condition()).isEqualTo(stringEquals("iam:PassedToService", text("ec2.amazonaws.com")));
        });
        // The profile the functions launch with holds that role, and no other.
        assertThat(Template.resources().path("InstanceProfile").path("Properties").path("Roles"))
                .containsExactly(ref("InstanceRole"));
        assertThat(Template.get().path("Globals").path("Function").path("Environment").path("Variables")
                .path("INSTANCE_PROFILE_ARN")).isEqualTo(getAtt("InstanceProfile", "Arn"));
    }

    @Test
    void launching_needsTheStackTag_imdsV2AtHopLimitOne_anAllowedType_encryptedVolumes_andOwnImages_whichEveryLaunchSends() {
        List<Statement> run = FunctionPolicies.granting(FunctionPolicies.of("LaunchInstance"), "ec2:RunInstances");
        JsonNode tagged = stringEquals("aws:RequestTag/" + STACK_TAG, stackName());
        JsonNode instanceCondition = json("{\"StringEquals\":{\"aws:RequestTag/" + STACK_TAG + "\":{\"Ref\":\"AWS::StackName\"},"
                + "\"ec2:MetadataHttpTokens\":\"required\"},\"NumericEquals\":{\"ec2:MetadataHttpPutResponseHopLimit\":1},"
                + "\"StringLike\":{\"ec2:InstanceType\":{\"Ref\":\"AllowedInstanceTypes\"}}}");
        JsonNode volumeCondition = json("{\"StringEquals\":{\"aws:RequestTag/" + STACK_TAG + "\":{\"Ref\":\"AWS::StackName\"}},"
                + "\"Bool\":{\"ec2:Encrypted\":\"true\"}}");
        String images = "arn:${AWS::Partition}:ec2:${AWS::Region}::image/*";

        for (Statement s : run) {
            if (s.resources().contains(INSTANCES)) {
                assertThat(s.resources()).containsExactly(INSTANCES);
                assertThat(s.condition()).isEqualTo(instanceCondition);
            } else if (s.resources().contains(VOLUMES)) {
                assertThat(s.resources()).containsExactly(VOLUMES);
                assertThat(s.condition()).isEqualTo(volumeCondition);
            } else if (s.resources().contains(images)) {
                assertThat(s.resources()).containsExactly(images);
                assertThat(s.condition()).isEqualTo(stringEquals("ec2:Owner", ref("AWS::AccountId")));
            } else {
                assertThat(s.condition().isMissingNode()).as("resources RunInstances does not create: " + s).isTrue();
            }
        }
        assertThat(run).flatExtracting(Statement::resources).contains(INSTANCES, VOLUMES, images);

        // Tagging on create only, of what the conditions above require tags on.
        assertThat(FunctionPolicies.granting(FunctionPolicies.of("LaunchInstance"), "ec2:CreateTags")).singleElement()
                .satisfies(s -> assertThat(s.condition()).isEqualTo(stringEquals("ec2:CreateAction", text("RunInstances"))));

        // What the adapters send satisfies those conditions in every launch recorded (both markets):
        // the types of the recorded launches are allowed by the parameter's default, as IAM matches.
        InstanceTypePatterns allowed = new InstanceTypePatterns(List.of(Template.get().path("Parameters")
                .path("AllowedInstanceTypes").path("Default").asText().split(",")));
        List<Map<String, String>> launches = IamRecord.runInstances();
        assertThat(launches).extracting(l -> l.getOrDefault("InstanceMarketOptions.MarketType", "on-demand"))
                .contains("spot", "on-demand");
        assertThat(launches).allSatisfy(l -> {
            assertThat(l).containsEntry("MetadataOptions.HttpTokens", "required")
                    .containsEntry("MetadataOptions.HttpPutResponseHopLimit", "1")
                    .containsEntry("BlockDeviceMapping.1.Ebs.Encrypted", "true")
                    .doesNotContainKey("BlockDeviceMapping.2.DeviceName");
            assertThat(allowed.allows(l.get("InstanceType"))).as(l.get("InstanceType")).isTrue();
            assertThat(tagsByResourceType(l)).containsOnlyKeys("instance", "volume")
                    .allSatisfy((type, tags) -> assertThat(tags).containsKey(STACK_TAG));
        });
        assertThat(allowed.allows("c7i.large")).isTrue();
        assertThat(allowed.allows("c7g.4xlarge")).isTrue();
        assertThat(allowed.allows("c7i.8xlarge")).isFalse();
        assertThat(allowed.allows("p5.48xlarge")).isFalse();
        assertThat(allowed.allows("c5.large")).isFalse();
    }

    @Test
    void thePlannersAllowedTypes_areTheParameterIamChecks() {
        assertThat(Template.resources().path("PlanRunFunction").path("Properties").path("Environment").path("Variables")
                .path("ALLOWED_INSTANCE_TYPES"))
                .isEqualTo(json("{\"Fn::Join\":[\",\",{\"Ref\":\"AllowedInstanceTypes\"}]}"));
        assertThat(Template.get().path("Parameters").path("AllowedInstanceTypes").path("Type").asText())
                .isEqualTo("CommaDelimitedList");
        // The default instance types of the stack are allowed.
        InstanceTypePatterns allowed = new InstanceTypePatterns(List.of(Template.get().path("Parameters")
                .path("AllowedInstanceTypes").path("Default").asText().split(",")));
        assertThat(allowed.allows(Template.get().path("Parameters").path("X86InstanceType").path("Default").asText()))
                .isTrue();
        assertThat(allowed.allows(Template.get().path("Parameters").path("ArmInstanceType").path("Default").asText()))
                .isTrue();
    }

    @Test
    void commands_goOnlyToInstancesTaggedWithThisStack() {
        List<Statement> send = allGranting("ssm:SendCommand");

        assertThat(send).isNotEmpty().allSatisfy(s -> {
            if (s.resources().contains(INSTANCES)) {
                assertThat(s.resources()).containsExactly(INSTANCES);
                // SSM's key for the instance's tags (the Run Command guide's; aws:* keys on SendCommand
                // would need aws:ViaAWSService besides).
                assertThat(s.condition()).isEqualTo(stringEquals("ssm:resourceTag/" + STACK_TAG, stackName()));
            } else {
                assertThat(s.resources()).allMatch(r -> r.contains(":document/"));
            }
        });
    }

    @Test
    void theSpotServiceLinkedRole_isTheOnlyRoleThatCanBeCreated() {
        assertThat(allGranting("iam:CreateServiceLinkedRole")).isNotEmpty().allSatisfy(s ->
                assertThat(s.condition()).isEqualTo(json("{\"StringLike\":{\"iam:AWSServiceName\":\"spot.amazonaws.com\"}}")));
    }

    @Test
    void theSweeper_asksAboutExecutionsOfThisStacksStateMachine() {
        JsonNode machine = Template.resources().path("BenchmarkStateMachine").path("Properties");

        assertThat(machine.path("Name")).isEqualTo(json("{\"Fn::Sub\":\"${AWS::StackName}-benchmark\"}"));
        assertThat(FunctionPolicies.text(Template.get().path("Globals").path("Function").path("Environment")
                .path("Variables").path("STATE_MACHINE_ARN")))
                .isEqualTo("arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:"
                        + "${AWS::StackName}-benchmark");
    }

    private static List<Statement> allGranting(String action) {
        List<Statement> out = new ArrayList<>();
        FunctionPolicies.all().values().forEach(statements -> out.addAll(FunctionPolicies.granting(statements, action)));
        return out;
    }

    /** TagSpecification.N.ResourceType to its tags, from RunInstances' form parameters. */
    static Map<String, Map<String, String>> tagsByResourceType(Map<String, String> launch) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int n = 1; launch.containsKey("TagSpecification." + n + ".ResourceType"); n++) {
            Map<String, String> tags = new HashMap<>();
            String p = "TagSpecification." + n + ".Tag.";
            for (int t = 1; launch.containsKey(p + t + ".Key"); t++) {
                tags.put(launch.get(p + t + ".Key"), launch.get(p + t + ".Value"));
            }
            out.put(launch.get("TagSpecification." + n + ".ResourceType"), tags);
        }
        return out;
    }

    private static JsonNode stringEquals(String key, JsonNode value) {
        ObjectNode inner = Json.payload().createObjectNode();
        inner.set(key, value);
        ObjectNode condition = Json.payload().createObjectNode();
        condition.set("StringEquals", inner);
        return condition;
    }

    private static JsonNode stackName() {
        return ref("AWS::StackName");
    }

    private static JsonNode ref(String name) {
        return Json.payload().createObjectNode().put("Ref", name);
    }

    private static JsonNode getAtt(String resource, String attribute) {
        ObjectNode node = Json.payload().createObjectNode();
        node.putArray("Fn::GetAtt").add(resource).add(attribute);
        return node;
    }

    private static JsonNode text(String value) {
        return Json.payload().getNodeFactory().textNode(value);
    }

    private static JsonNode json(String text) {
        try {
            return Json.payload().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
