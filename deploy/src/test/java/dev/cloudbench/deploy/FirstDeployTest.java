package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.deploy.iam.PolicyEvaluator;
import dev.cloudbench.deploy.iam.Request;
import dev.cloudbench.deploy.iam.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What would break on a first deploy in a real account: the run-ended e-mail (EventBridge must be
 * able to publish to the encrypted topic, and only this stack's rule may), and a VPC given without
 * its subnets (or the other way round), refused by the template's Rules before anything is created.
 */
class FirstDeployTest {
    private static final TestStack EMAIL = new TestStack(Template.get(), Map.of("NotificationEmail", "team@example.com"));

    @Test
    void theTopic_isEncryptedWithACustomerManagedKey_whosePolicyAdmitsEventBridge() {
        JsonNode topic = EMAIL.resource("RunEndedTopic").path("Properties");
        String key = topic.path("KmsMasterKeyId").asText();

        assertThat(key).as("not the AWS managed alias/aws/sns, whose policy cannot admit EventBridge")
                .doesNotStartWith("alias/aws/").startsWith("arn:aws:kms:us-east-1:123456789012:key/");
        List<JsonNode> keyPolicy = new ArrayList<>();
        EMAIL.resource("RunEndedTopicKey").path("Properties").path("KeyPolicy").path("Statement").forEach(keyPolicy::add);
        PolicyEvaluator kms = new PolicyEvaluator(keyPolicy);
        for (String action : List.of("kms:GenerateDataKey", "kms:Decrypt")) {
            assertThat(kms.allows(Request.of(action, key).by("Service", "events.amazonaws.com"))).as(action).isTrue();
        }
        assertThat(kms.allows(Request.of("kms:PutKeyPolicy", key).by("AWS", "arn:aws:iam::123456789012:root")))
                .as("the account keeps the key manageable").isTrue();
        assertThat(kms.allows(Request.of("kms:Decrypt", key).by("Service", "lambda.amazonaws.com"))).isFalse();
        assertThat(kms.allows(Request.of("kms:ScheduleKeyDeletion", key).by("Service", "events.amazonaws.com"))).isFalse();
    }

    @Test
    void onlyThisStacksRule_publishesToTheTopic() {
        List<JsonNode> statements = new ArrayList<>();
        EMAIL.resource("RunEndedTopicPolicy").path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
        PolicyEvaluator topic = new PolicyEvaluator(statements);
        String arn = "arn:aws:sns:us-east-1:123456789012:bench-RunEndedTopic-1A2B3C4D5E6F";
        Request publish = Request.of("sns:Publish", arn).by("Service", "events.amazonaws.com");

        assertThat(topic.allows(publish.with("aws:SourceArn", "arn:aws:events:us-east-1:123456789012:rule/"
                + "bench-RunEndedRule-1A2B3C4D5E6F"))).isTrue();
        assertThat(topic.allows(publish.with("aws:SourceArn", "arn:aws:events:us-east-1:123456789012:rule/someone-elses"))).isFalse();
        assertThat(topic.allows(publish)).isFalse();
        assertThat(EMAIL.resource("RunEndedRule").path("Properties").path("Targets").get(0).path("Arn").asText()).isEqualTo(arn);
    }

    @Test
    void withoutAnEmail_thereIsNoTopicNorKey() {
        TestStack none = new TestStack(Template.get(), Map.of());
        assertThat(none.resource("RunEndedTopic").isMissingNode()).isTrue();
        assertThat(none.resource("RunEndedTopicKey").isMissingNode()).isTrue();
    }

    @Test
    void aVpcWithoutSubnets_orSubnetsWithoutAVpc_isRefusedAtDeploy() {
        assertThat(failedAssertions(Map.of("VpcId", "vpc-0abc"))).singleElement().asString().contains("SubnetIds");
        assertThat(failedAssertions(Map.of("SubnetIds", "subnet-0a"))).singleElement().asString().contains("VpcId");
        assertThat(failedAssertions(Map.of("VpcId", "vpc-0abc", "SubnetIds", "subnet-0a,subnet-0b"))).isEmpty();
        assertThat(failedAssertions(Map.of())).isEmpty();
    }

    /** The AssertDescriptions of the template's Rules that fail for these parameters (as CloudFormation evaluates them). */
    private static List<String> failedAssertions(Map<String, String> parameters) {
        TestStack stack = new TestStack(Template.get(), parameters);
        List<String> failed = new ArrayList<>();
        Template.get().path("Rules").fields().forEachRemaining(rule -> {
            JsonNode r = rule.getValue();
            if (r.has("RuleCondition") && !stack.truth(r.path("RuleCondition"))) {
                return;
            }
            r.path("Assertions").forEach(a -> {
                if (!stack.truth(a.path("Assert"))) {
                    failed.add(rule.getKey() + ": " + a.path("AssertDescription").asText());
                }
            });
        });
        return failed;
    }
}
