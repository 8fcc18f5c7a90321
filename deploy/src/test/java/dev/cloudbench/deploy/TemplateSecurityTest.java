package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.deploy.FunctionPolicies.Statement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The security defaults, asserted on the template — and, for instance launches, on what the
 * functions really send (the RunInstances requests IamOperationsTest recorded) and on every
 * Packer source.
 */
class TemplateSecurityTest {
    /** Resource types that launch instances from the template itself; each must require IMDSv2. */
    private static final Set<String> LAUNCHING_TYPES = Set.of("AWS::EC2::Instance", "AWS::EC2::LaunchTemplate",
            "AWS::EC2::SpotFleet", "AWS::EC2::EC2Fleet", "AWS::AutoScaling::LaunchConfiguration",
            "AWS::AutoScaling::AutoScalingGroup", "AWS::Batch::ComputeEnvironment");

    @Test
    void securityGroups_letNothingIn() {
        List<Map.Entry<String, JsonNode>> groups = Template.resourcesOfType("AWS::EC2::SecurityGroup");

        assertThat(groups).isNotEmpty().allSatisfy(g ->
                assertThat(g.getValue().path("Properties").path("SecurityGroupIngress")).as(g.getKey()).isEmpty());
        assertThat(Template.resourcesOfType("AWS::EC2::SecurityGroupIngress")).isEmpty();
        // The instances the functions launch are in that group, and only in it.
        assertThat(Template.get().path("Globals").path("Function").path("Environment").path("Variables")
                .path("SECURITY_GROUP_ID").toString()).isEqualTo("{\"Fn::GetAtt\":[\"InstanceSecurityGroup\",\"GroupId\"]}");
        assertThat(IamRecord.runInstances()).allSatisfy(l -> assertThat(l).containsKey("SecurityGroupId.1")
                .doesNotContainKey("SecurityGroupId.2").doesNotContainKey("KeyName"));
    }

    @Test
    void everyLaunchByTheFunctions_requiresImdsV2_inWhatItSends_andInIam() {
        List<Map<String, String>> launches = IamRecord.runInstances();

        assertThat(launches).extracting(l -> l.getOrDefault("InstanceMarketOptions.MarketType", "on-demand"))
                .as("both markets launched").contains("spot", "on-demand");
        assertThat(launches).allSatisfy(l -> assertThat(l).containsEntry("MetadataOptions.HttpTokens", "required")
                .containsEntry("MetadataOptions.HttpPutResponseHopLimit", "1"));
        // IAM refuses a launch of an instance without it, whatever the code sends.
        List<Statement> instanceLaunches = FunctionPolicies.all().values().stream().flatMap(List::stream)
                .filter(s -> s.allows("ec2:RunInstances") && s.resources().stream().anyMatch(r -> r.endsWith(":instance/*")))
                .toList();
        assertThat(instanceLaunches).isNotEmpty().allSatisfy(s ->
                assertThat(s.condition().path("StringEquals").path("ec2:MetadataHttpTokens").asText()).isEqualTo("required"));
    }

    @Test
    void everyOtherLaunchPath_requiresImdsV2_theTemplatesResources_andEveryPackerSource() throws IOException {
        Template.resources().fields().forEachRemaining(e -> {
            if (LAUNCHING_TYPES.contains(e.getValue().path("Type").asText())) {
                List<String> tokens = new ArrayList<>();
                Template.walk(e.getValue(), "", (path, node) -> {
                    if (node.isObject() && node.has("HttpTokens")) {
                        tokens.add(node.path("HttpTokens").asText());
                    }
                });
                assertThat(tokens).as(e.getKey() + " sets MetadataOptions.HttpTokens").isNotEmpty().containsOnly("required");
            }
        });

        Path packer = Template.ROOT.resolve("packer");
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.exists(packer) ? Files.walk(packer) : Stream.empty()) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pkr.hcl")).toList()) {
                String text = Files.readString(file);
                Matcher m = Pattern.compile("(?m)^[ \\t]*(source[ \\t]+\"amazon-[a-z]+\"[ \\t]+\"[^\"]+\")[ \\t]*\\{")
                        .matcher(text);
                while (m.find()) {
                    sources.add(m.group(1));
                    String metadata = Hcl.block(Hcl.block(text, m.group(1)), "metadata_options");
                    assertThat(metadata).as(file + ": " + m.group(1)).containsPattern("http_tokens\\s*=\\s*\"required\"");
                }
            }
        }
        if (Files.exists(packer)) {
            assertThat(sources).as("Packer's amazon sources").isNotEmpty();
        }
    }

    @Test
    void theResultsBucket_isEncrypted_blocksPublicAccess_andRefusesPlainHttp() {
        List<Map.Entry<String, JsonNode>> buckets = Template.resourcesOfType("AWS::S3::Bucket");
        assertThat(buckets).isNotEmpty();
        for (Map.Entry<String, JsonNode> bucket : buckets) {
            JsonNode p = bucket.getValue().path("Properties");
            assertThat(p.path("BucketEncryption").path("ServerSideEncryptionConfiguration")).as(bucket.getKey())
                    .isNotEmpty().allSatisfy(rule -> assertThat(rule.path("ServerSideEncryptionByDefault")
                            .path("SSEAlgorithm").asText()).isIn("AES256", "aws:kms", "aws:kms:dsse"));
            JsonNode block = p.path("PublicAccessBlockConfiguration");
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets")) {
                assertThat(block.path(setting).asBoolean()).as(bucket.getKey() + " " + setting).isTrue();
            }
            boolean tlsOnly = Template.resourcesOfType("AWS::S3::BucketPolicy").stream()
                    .map(Map.Entry::getValue)
                    .filter(bp -> bp.path("Properties").path("Bucket").path("Ref").asText().equals(bucket.getKey()))
                    .flatMap(bp -> java.util.stream.StreamSupport.stream(
                            bp.path("Properties").path("PolicyDocument").path("Statement").spliterator(), false))
                    .anyMatch(s -> s.path("Effect").asText().equals("Deny")
                            && s.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false"));
            assertThat(tlsOnly).as(bucket.getKey() + " denies requests without TLS").isTrue();
        }
    }

    @Test
    void snapStart_isOnForEveryFunction_onItsPublishedVersions() {
        JsonNode globals = Template.get().path("Globals").path("Function");

        assertThat(globals.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).isNotEmpty();
        assertThat(Template.resourcesOfType("AWS::Serverless::Function")).isNotEmpty().allSatisfy(f -> {
            JsonNode p = f.getValue().path("Properties");
            assertThat(p.path("SnapStart").path("ApplyOn").asText("PublishedVersions")).as(f.getKey())
                    .isEqualTo("PublishedVersions");
            assertThat(p.path("AutoPublishAlias").asText(globals.path("AutoPublishAlias").asText())).as(f.getKey())
                    .isNotEmpty();
            assertThat(p.path("Runtime").asText(globals.path("Runtime").asText())).as(f.getKey()).startsWith("java");
        });
    }

    @Test
    void functionPolicies_nameEveryAction_noWildcards() {
        List<String> wildcards = new ArrayList<>();
        FunctionPolicies.all().forEach((function, statements) -> statements.forEach(s -> s.actions().stream()
                .filter(a -> a.contains("*") || !a.matches("[a-z0-9-]+:[A-Za-z0-9]+"))
                .forEach(a -> wildcards.add(function + ": " + a))));

        assertThat(wildcards).isEmpty();
        assertThat(FunctionPolicies.all().values()).allSatisfy(statements ->
                assertThat(statements).extracting(Statement::effect).containsOnly("Allow"));
    }
}
