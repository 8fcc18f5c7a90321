package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.deploy.iam.PolicyEvaluator;
import dev.cloudbench.deploy.iam.Request;
import dev.cloudbench.deploy.iam.RolePolicies;
import dev.cloudbench.deploy.iam.TestStack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CodeBuild role that runs Packer, by policy evaluation: each request the amazon-ebs builder
 * makes for image.pkr.hcl (with the tags that template puts on what it creates) is allowed; the
 * same request without the stack's tag, on another stack's resources, or an attribute change of an
 * image or snapshot is not.
 */
class ImageBuildRoleTest {
    private static final TestStack STACK = new TestStack(Template.get(), Map.of());
    private static final PolicyEvaluator ROLE = RolePolicies.permissions(STACK, "ImageBuildRole");
    private static final String EC2 = "arn:aws:ec2:us-east-1:123456789012:";
    private static final String GLOBAL = "arn:aws:ec2:us-east-1::";
    /** What run_tags (and the image's tags) carry in image.pkr.hcl, for this stack. */
    private static final Map<String, String> RUN_TAGS = tags(TestStack.NAME);
    private static final String CANONICAL = "099720109477";

    private static Map<String, String> tags(String stack) {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("cloudbench:stack", stack);
        t.put("cloudbench:role", "image-build");
        t.put("cloudbench:fingerprint", "3f4e");
        t.put("Name", "cloudbench-image-build-x86_64");
        return t;
    }

    private static Request ownedBy(String action, String resource, String stack) {
        return Request.of(action, resource).with("aws:ResourceTag/cloudbench:stack", stack);
    }

    /** The authorizations of Packer's RunInstances: one per resource it creates or uses. */
    private static List<Request> launch(Map<String, String> tags, String httpTokens, String encrypted, String imageOwner) {
        return List.of(
                Request.of("ec2:RunInstances", EC2 + "instance/i-1").withRequestTags(tags)
                        .with("ec2:MetadataHttpTokens", httpTokens),
                Request.of("ec2:RunInstances", EC2 + "volume/*").withRequestTags(tags).with("ec2:Encrypted", encrypted),
                Request.of("ec2:RunInstances", EC2 + "network-interface/*").withRequestTags(tags),
                Request.of("ec2:RunInstances", GLOBAL + "image/ami-ubuntu").with("ec2:Owner", imageOwner),
                Request.of("ec2:RunInstances", EC2 + "subnet/subnet-1"),
                ownedBy("ec2:RunInstances", EC2 + "security-group/sg-packer", TestStack.NAME),
                ownedBy("ec2:RunInstances", EC2 + "key-pair/packer_1", TestStack.NAME));
    }

    @Test
    void aTaggedLaunch_ofTheBuilder_isAllowed_resourceByResource() {
        assertThat(launch(RUN_TAGS, "required", "true", CANONICAL)).allSatisfy(r -> assertThat(ROLE.allows(r)).as(r.toString()).isTrue());
        assertThat(ROLE.allows(Request.of("ec2:CreateTags", EC2 + "instance/i-1").withRequestTags(RUN_TAGS)
                .with("ec2:CreateAction", "RunInstances"))).isTrue();
    }

    @Test
    void aLaunch_withoutTheStacksTag_orAnotherStacks_orAForeignTagKey_isRefused() {
        Map<String, String> untagged = new LinkedHashMap<>(RUN_TAGS);
        untagged.remove("cloudbench:stack");
        Map<String, String> foreignKey = new LinkedHashMap<>(RUN_TAGS);
        foreignKey.put("owner", "me");

        for (Map<String, String> tags : List.of(untagged, tags("other-stack"), foreignKey)) {
            assertThat(launch(tags, "required", "true", CANONICAL).subList(0, 3)).as(tags.toString())
                    .allSatisfy(r -> assertThat(ROLE.allows(r)).as(r.toString()).isFalse());
        }
    }

    @Test
    void aLaunch_withImdsV1_anUnencryptedVolume_oraForeignImage_orSomeoneElsesGroup_isRefused() {
        assertThat(ROLE.allows(launch(RUN_TAGS, "optional", "true", CANONICAL).get(0))).isFalse();
        assertThat(ROLE.allows(launch(RUN_TAGS, "required", "false", CANONICAL).get(1))).isFalse();
        assertThat(ROLE.allows(launch(RUN_TAGS, "required", "true", "111122223333").get(3))).isFalse();
        assertThat(ROLE.allows(Request.of("ec2:RunInstances", EC2 + "security-group/sg-default"))).isFalse();
        assertThat(ROLE.allows(ownedBy("ec2:RunInstances", EC2 + "key-pair/ops", "other-stack"))).isFalse();
    }

    @Test
    void theTemporaryKeyPair_andSecurityGroup_areCreatedTagged_andOnlyTaggedOnesChangedOrDeleted() {
        assertThat(ROLE.allows(Request.of("ec2:CreateKeyPair", EC2 + "key-pair/packer_1").withRequestTags(RUN_TAGS))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:CreateKeyPair", EC2 + "key-pair/packer_1"))).isFalse();
        assertThat(ROLE.allows(Request.of("ec2:CreateSecurityGroup", EC2 + "security-group/*").withRequestTags(RUN_TAGS))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:CreateSecurityGroup", EC2 + "vpc/vpc-1"))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:CreateSecurityGroup", EC2 + "security-group/*"))).isFalse();
        for (String tag : List.of("CreateKeyPair", "CreateSecurityGroup", "CreateImage")) {
            assertThat(ROLE.allows(Request.of("ec2:CreateTags", EC2 + "x/y").withRequestTags(RUN_TAGS)
                    .with("ec2:CreateAction", tag))).as(tag).isTrue();
        }

        for (String action : List.of("ec2:AuthorizeSecurityGroupIngress", "ec2:DeleteSecurityGroup")) {
            assertThat(ROLE.allows(ownedBy(action, EC2 + "security-group/sg-packer", TestStack.NAME))).as(action).isTrue();
            assertThat(ROLE.allows(ownedBy(action, EC2 + "security-group/sg-app", "other-stack"))).as(action).isFalse();
            assertThat(ROLE.allows(Request.of(action, EC2 + "security-group/sg-app"))).as(action).isFalse();
        }
        assertThat(ROLE.allows(ownedBy("ec2:DeleteKeyPair", EC2 + "key-pair/packer_1", TestStack.NAME))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:DeleteKeyPair", EC2 + "key-pair/ops"))).isFalse();
    }

    @Test
    void theBuilder_isStoppedImagedAndTerminated_onlyWhenItCarriesTheTag() {
        for (String action : List.of("ec2:StopInstances", "ec2:TerminateInstances")) {
            assertThat(ROLE.allows(ownedBy(action, EC2 + "instance/i-1", TestStack.NAME))).as(action).isTrue();
            assertThat(ROLE.allows(ownedBy(action, EC2 + "instance/i-prod", "other-stack"))).as(action).isFalse();
            assertThat(ROLE.allows(Request.of(action, EC2 + "instance/i-prod"))).as(action).isFalse();
        }
        assertThat(ROLE.allows(ownedBy("ec2:CreateImage", EC2 + "instance/i-1", TestStack.NAME))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:CreateImage", EC2 + "instance/i-prod"))).isFalse();
        assertThat(ROLE.allows(Request.of("ec2:CreateImage", GLOBAL + "image/*").withRequestTags(RUN_TAGS))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:CreateImage", GLOBAL + "snapshot/*").withRequestTags(RUN_TAGS))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:CreateImage", GLOBAL + "image/*"))).isFalse();
        assertThat(ROLE.allows(ownedBy("ec2:DeleteVolume", EC2 + "volume/vol-1", TestStack.NAME))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:DeleteVolume", EC2 + "volume/vol-db"))).isFalse();
    }

    @Test
    void theImagesFinalTags_goOnlyOnThisStacksImageAndSnapshot_andNeverChangeItsStack() {
        Request image = ownedBy("ec2:CreateTags", GLOBAL + "image/ami-new", TestStack.NAME).withRequestTags(
                Map.of("cloudbench:stack", TestStack.NAME, "cloudbench:role", "benchmark-image"));

        assertThat(ROLE.allows(image)).isTrue();
        assertThat(ROLE.allows(ownedBy("ec2:CreateTags", GLOBAL + "snapshot/snap-1", TestStack.NAME)
                .withRequestTags(Map.of("cloudbench:stack", TestStack.NAME)))).isTrue();
        assertThat(ROLE.allows(ownedBy("ec2:CreateTags", GLOBAL + "image/ami-theirs", "other-stack")
                .withRequestTags(Map.of("cloudbench:stack", TestStack.NAME)))).isFalse();
        assertThat(ROLE.allows(ownedBy("ec2:CreateTags", GLOBAL + "image/ami-new", TestStack.NAME)
                .withRequestTags(Map.of("cloudbench:stack", "other-stack")))).isFalse();
        assertThat(ROLE.allows(ownedBy("ec2:CreateTags", EC2 + "instance/i-1", TestStack.NAME)
                .withRequestTags(Map.of("cloudbench:stack", TestStack.NAME)))).as("retagging an instance").isFalse();
        assertThat(ROLE.allows(ownedBy("ec2:DeregisterImage", GLOBAL + "image/ami-new", TestStack.NAME))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:DeregisterImage", GLOBAL + "image/ami-golden"))).isFalse();
        assertThat(ROLE.allows(ownedBy("ec2:DeleteSnapshot", GLOBAL + "snapshot/snap-1", TestStack.NAME))).isTrue();
        assertThat(ROLE.allows(Request.of("ec2:DeleteSnapshot", GLOBAL + "snapshot/snap-backup"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ec2:ModifyImageAttribute", "ec2:ModifySnapshotAttribute", "ec2:CopyImage",
            "ec2:ModifyInstanceAttribute", "ec2:GetPasswordData", "ec2:CreateVolume", "ec2:AttachVolume",
            "ec2:DeleteTags", "ec2:CreateSnapshot", "ec2:EnableImageDeprecation", "ec2:CreateFleet",
            "ec2:CreateLaunchTemplate", "iam:PassRole", "ssm:GetParameter", "s3:PutObject", "s3:DeleteObject"})
    void noImageOrSnapshotAttributeChange_norAnythingTheBuilderDoesNotCall(String action) {
        for (String resource : List.of("*", GLOBAL + "image/ami-new", GLOBAL + "snapshot/snap-1", EC2 + "instance/i-1",
                "arn:aws:s3:::" + STACK.bucket() + "/images/x.zip")) {
            assertThat(ROLE.allows(ownedBy(action, resource, TestStack.NAME).withRequestTags(RUN_TAGS)))
                    .as(action + " on " + resource).isFalse();
        }
    }

    @Test
    void codeBuild_readsItsS3Source_andWritesItsOwnLogGroup_andNothingElseOfTheBucket() {
        String bucket = "arn:aws:s3:::" + STACK.bucket();
        String group = "arn:aws:logs:us-east-1:123456789012:log-group:" + TestStack.NAME + "-ImageBuildLogGroup-1A2B3C4D5E6F";

        assertThat(ROLE.allows(Request.of("s3:GetObject", bucket + "/images/3f4e.zip"))).isTrue();
        assertThat(ROLE.allows(Request.of("s3:GetObjectVersion", bucket + "/images/3f4e.zip"))).isTrue();
        assertThat(ROLE.allows(Request.of("s3:GetBucketAcl", bucket))).isTrue();
        assertThat(ROLE.allows(Request.of("s3:GetBucketLocation", bucket))).isTrue();
        assertThat(ROLE.allows(Request.of("logs:CreateLogStream", group + ":log-stream:build-1"))).isTrue();
        assertThat(ROLE.allows(Request.of("logs:PutLogEvents", group + ":log-stream:build-1"))).isTrue();

        assertThat(ROLE.allows(Request.of("s3:GetObject", bucket + "/runs/R/request.json"))).isFalse();
        assertThat(ROLE.allows(Request.of("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x:"
                + "log-stream:s"))).isFalse();
    }

    @Test
    void onlyCodeBuild_assumesTheRole() {
        PolicyEvaluator trust = RolePolicies.trust(STACK, "ImageBuildRole");
        assertThat(trust.allows(Request.of("sts:AssumeRole", "r").by("Service", "codebuild.amazonaws.com"))).isTrue();
        assertThat(trust.allows(Request.of("sts:AssumeRole", "r").by("Service", "ec2.amazonaws.com"))).isFalse();
    }

    @Test
    void theBuild_getsTheStacksVpcSubnetAndVolumeSize_asPackerVariables() {
        JsonNode none = STACK.resource("ImageBuildProject").path("Properties").path("Environment").path("EnvironmentVariables");
        JsonNode vpc = new TestStack(Template.get(), Map.of("VpcId", "vpc-0abc", "SubnetIds", "subnet-0a,subnet-0b"))
                .resource("ImageBuildProject").path("Properties").path("Environment").path("EnvironmentVariables");

        assertThat(variables(none)).containsEntry("PKR_VAR_volume_size", "30").doesNotContainKeys("PKR_VAR_vpc_id",
                "PKR_VAR_subnet_id", "ROOT_VOLUME_GIB");
        assertThat(variables(vpc)).containsEntry("PKR_VAR_vpc_id", "vpc-0abc").containsEntry("PKR_VAR_subnet_id", "subnet-0a");
        String packer = Repo.read(Repo.PACKER.resolve("image.pkr.hcl"));
        for (String variable : List.of("volume_size", "vpc_id", "subnet_id")) {
            assertThat(packer).contains("variable \"" + variable + "\"").contains("= var." + variable);
        }
    }

    @Test
    void theRole_followsThePluginVersionWhoseCallsItWasReadFrom_andRunTagsCarryTheStack() {
        String packer = Repo.read(Repo.PACKER.resolve("image.pkr.hcl"));
        String plugins = Hcl.block(Hcl.block(packer, "packer"), "required_plugins");

        // The actions above are those plugin 1.3.6's amazon-ebs steps call (its key pair, security
        // group, network interface and CreateImage tags are run_tags). A new version: re-read its
        // steps (builder/common/step_*.go, builder/ebs/), then change the role and this pin together.
        assertThat(plugins).containsPattern("version\\s*=\\s*\"1\\.3\\.6\"");
        assertThat(Hcl.block(packer, "locals")).containsPattern("\"cloudbench:stack\"\\s*=\\s*var\\.stack_name");
        for (String source : List.of("x86-build", "arm-build")) {
            assertThat(Hcl.block(packer, "source \"amazon-ebs\" \"" + source + "\""))
                    .containsPattern("run_tags\\s*=\\s*merge\\(local\\.builder_tags")
                    .containsPattern("associate_public_ip_address\\s*=\\s*true")
                    .doesNotContain("spot_price").doesNotContain("ami_users").doesNotContain("ami_regions")
                    .doesNotContain("ami_groups").doesNotContain("iam_instance_profile");
        }
    }

    private static Map<String, String> variables(JsonNode list) {
        Map<String, String> out = new LinkedHashMap<>();
        list.forEach(v -> out.put(v.path("Name").asText(), v.path("Value").asText()));
        return out;
    }
}
