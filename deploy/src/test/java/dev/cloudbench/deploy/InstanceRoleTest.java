package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.deploy.iam.PolicyEvaluator;
import dev.cloudbench.deploy.iam.PolicyEvaluator.Decision;
import dev.cloudbench.deploy.iam.Request;
import dev.cloudbench.deploy.iam.RolePolicies;
import dev.cloudbench.deploy.iam.TestStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark instances' role, by policy evaluation: whatever a benchmark's commands do with the
 * instance's credentials, they reach the SSM agent's channel and this instance's own inbox, and
 * nothing else — no run's records, no other instance's inbox, no Parameter Store.
 */
class InstanceRoleTest {
    private static final TestStack STACK = new TestStack(Template.get(), Map.of());
    private static final PolicyEvaluator ROLE = RolePolicies.permissions(STACK, "InstanceRole");
    private static final String BUCKET = "arn:aws:s3:::" + STACK.bucket();
    /** aws:userid of an instance role's session: the role's unique id, a colon, the instance id. */
    private static final String USERID = "AROA1A2B3C4D5E6FEXAMPLE:i-0123456789abcdef0";
    private static final String OTHER = "AROA1A2B3C4D5E6FEXAMPLE:i-0fedcba9876543210";

    private static Request put(String key) {
        return Request.of("s3:PutObject", BUCKET + "/" + key).with("aws:userid", USERID);
    }

    @Test
    void anInstance_uploadsUnderItsOwnInbox() {
        assertThat(ROLE.evaluate(put("inbox/" + USERID + "/raw/sort.json"))).isEqualTo(Decision.ALLOWED);
        assertThat(ROLE.evaluate(put("inbox/" + USERID + "/ssm/cmd-1/i-0123456789abcdef0/stdout")))
                .isEqualTo(Decision.ALLOWED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"runs/R/request.json", "runs/R/plan.json", "runs/R/targets/T/raw/x.json",
            "runs/R/targets/T/command.json", "logs/R/T/stdout", "suites/s/latest/T.json", "images/f.zip",
            "inbox/" + OTHER + "/raw/x.json", "inbox/AROA1A2B3C4D5E6FEXAMPLE:i-01/raw.json",
            "inbox/" + USERID, "inbox/x.json"})
    void anInstance_cannotWriteAnyOtherKey(String key) {
        assertThat(ROLE.evaluate(put(key))).as(key).isNotEqualTo(Decision.ALLOWED);
    }

    @Test
    void anInstance_cannotReadDeleteOrListTheBucket_evenItsOwnInbox() {
        for (String action : List.of("s3:GetObject", "s3:DeleteObject", "s3:PutObjectAcl", "s3:DeleteObjectVersion",
                "s3:RestoreObject", "s3:PutObjectTagging")) {
            assertThat(ROLE.allows(Request.of(action, BUCKET + "/inbox/" + USERID + "/raw.json").with("aws:userid", USERID)))
                    .as(action).isFalse();
        }
        for (String action : List.of("s3:ListBucket", "s3:ListBucketVersions", "s3:PutBucketPolicy",
                "s3:PutLifecycleConfiguration", "s3:PutBucketVersioning", "s3:DeleteBucket")) {
            assertThat(ROLE.allows(Request.of(action, BUCKET).with("aws:userid", USERID))).as(action).isFalse();
        }
    }

    @Test
    void theSsmAgent_canRegister_andReceiveRunAndAnswerCommands_andReadTheBucketsEncryption() {
        for (String action : List.of("ssm:UpdateInstanceInformation", "ec2messages:GetMessages",
                "ec2messages:AcknowledgeMessage", "ec2messages:SendReply", "ec2messages:GetEndpoint",
                "ec2messages:DeleteMessage", "ec2messages:FailMessage", "ssmmessages:CreateControlChannel",
                "ssmmessages:OpenControlChannel")) {
            assertThat(ROLE.allows(Request.of(action, "*"))).as(action).isTrue();
        }
        assertThat(ROLE.allows(Request.of("s3:GetEncryptionConfiguration", BUCKET))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
            "ssm:GetParameterHistory", "ssm:DescribeParameters", "ssm:GetDocument", "ssm:DescribeDocument"})
    void parameterStore_andSsmDocuments_areDeniedExplicitly(String action) {
        assertThat(ROLE.evaluate(Request.of(action, "arn:aws:ssm:us-east-1:123456789012:parameter/db/password")))
                .isEqualTo(Decision.EXPLICITLY_DENIED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ssm:SendCommand", "ssm:StartSession", "ssm:PutParameter", "ssm:ListAssociations",
            "ssm:PutInventory", "ec2:DescribeInstances", "ec2:RunInstances", "ec2:TerminateInstances",
            "ec2:CreateTags", "iam:PassRole", "iam:CreateAccessKey", "sts:AssumeRole", "states:StartExecution",
            "states:SendTaskSuccess", "kms:Decrypt", "secretsmanager:GetSecretValue", "lambda:InvokeFunction",
            "codebuild:StartBuild", "logs:PutLogEvents"})
    void nothingElse_isGranted(String action) {
        assertThat(ROLE.allows(Request.of(action, "*").with("aws:userid", USERID))).as(action).isFalse();
    }

    @Test
    void theRole_grantsExactlyTheAgentsActions_theInboxUpload_andTheEncryptionRead() {
        assertThat(RolePolicies.allowedActions(STACK, "InstanceRole")).containsExactlyInAnyOrder(
                "ssm:UpdateInstanceInformation", "ec2messages:AcknowledgeMessage", "ec2messages:DeleteMessage",
                "ec2messages:FailMessage", "ec2messages:GetEndpoint", "ec2messages:GetMessages",
                "ec2messages:SendReply", "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel", "s3:PutObject",
                "s3:GetEncryptionConfiguration");
    }

    @Test
    void onlyEc2_assumesTheRole() {
        PolicyEvaluator trust = RolePolicies.trust(STACK, "InstanceRole");
        String role = "arn:aws:iam::123456789012:role/x";

        assertThat(trust.allows(Request.of("sts:AssumeRole", role).by("Service", "ec2.amazonaws.com"))).isTrue();
        assertThat(trust.allows(Request.of("sts:AssumeRole", role).by("Service", "lambda.amazonaws.com"))).isFalse();
        assertThat(trust.allows(Request.of("sts:AssumeRole", role).by("AWS", "arn:aws:iam::123456789012:root"))).isFalse();
    }

    @Test
    void theInbox_expires_andOldVersionsOfEveryKey_expire() {
        var rules = STACK.resource("ResultsBucket").path("Properties").path("LifecycleConfiguration").path("Rules");
        var properties = STACK.resource("ResultsBucket").path("Properties");

        assertThat(properties.path("VersioningConfiguration").path("Status").asText()).isEqualTo("Enabled");
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.path("Prefix").asText()).isEqualTo("inbox/");
            assertThat(r.path("ExpirationInDays").asInt()).isPositive();
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.has("Prefix")).isFalse();
            assertThat(r.path("NoncurrentVersionExpiration").path("NoncurrentDays").asInt()).isPositive();
        });
    }
}
