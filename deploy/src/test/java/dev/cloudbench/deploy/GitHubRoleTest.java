package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.deploy.iam.PolicyEvaluator;
import dev.cloudbench.deploy.iam.Request;
import dev.cloudbench.deploy.iam.RolePolicies;
import dev.cloudbench.deploy.iam.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The role GitHub Actions assumes through OIDC, by policy evaluation: one repository and one
 * branch (or one environment), never a pattern; and exactly the requests `cloudbench run` and
 * `cloudbench results` make for the workflow (.github/workflows/cloud-bench.yml).
 */
class GitHubRoleTest {
    private static final String REPO = "octo-org/bench";
    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    private static final TestStack BRANCH = new TestStack(Template.get(), Map.of("GitHubRepository", REPO));
    private static final TestStack ENVIRONMENT = new TestStack(Template.get(),
            Map.of("GitHubRepository", REPO, "GitHubEnvironment", "benchmarks"));
    private static final PolicyEvaluator ROLE = RolePolicies.permissions(BRANCH, "GitHubRole");
    private static final String BUCKET = "arn:aws:s3:::" + BRANCH.bucket();
    private static final String EXECUTIONS = "arn:aws:states:us-east-1:123456789012:execution:bench-benchmark:";

    private static Request assume(String subject) {
        return Request.of("sts:AssumeRoleWithWebIdentity", "arn:aws:iam::123456789012:role/bench-GitHubRole")
                .by("Federated", PROVIDER)
                .with("token.actions.githubusercontent.com:aud", "sts.amazonaws.com")
                .with("token.actions.githubusercontent.com:sub", subject);
    }

    @Test
    void byDefault_onlyTheDefaultBranchOfTheRepository_assumesTheRole() {
        PolicyEvaluator trust = RolePolicies.trust(BRANCH, "GitHubRole");

        assertThat(BRANCH.parameter("GitHubBranch")).isEqualTo("main");
        assertThat(trust.allows(assume("repo:octo-org/bench:ref:refs/heads/main"))).isTrue();
        for (String other : List.of("repo:octo-org/bench:ref:refs/heads/feature", "repo:octo-org/bench:pull_request",
                "repo:octo-org/bench:environment:benchmarks", "repo:octo-org/bench:ref:refs/tags/v1",
                "repo:octo-org/bench-fork:ref:refs/heads/main", "repo:evil/bench:ref:refs/heads/main",
                "repo:octo-org/bench:ref:refs/heads/main/x")) {
            assertThat(trust.allows(assume(other))).as(other).isFalse();
        }
        assertThat(trust.allows(assume("repo:octo-org/bench:ref:refs/heads/main")
                .with("token.actions.githubusercontent.com:aud", "other"))).isFalse();
    }

    @Test
    void withAnEnvironment_onlyJobsInThatEnvironment_assumeTheRole() {
        PolicyEvaluator trust = RolePolicies.trust(ENVIRONMENT, "GitHubRole");

        assertThat(trust.allows(assume("repo:octo-org/bench:environment:benchmarks"))).isTrue();
        assertThat(trust.allows(assume("repo:octo-org/bench:ref:refs/heads/main"))).isFalse();
        assertThat(trust.allows(assume("repo:octo-org/bench:environment:benchmarks-staging"))).isFalse();
    }

    @Test
    void theTrustedSubject_isNeverAPattern_whateverTheParameters() {
        List<String> problems = new ArrayList<>();
        for (TestStack stack : List.of(BRANCH, ENVIRONMENT,
                new TestStack(Template.get(), Map.of("GitHubRepository", REPO, "GitHubBranch", "release/2")))) {
            for (JsonNode s : stack.resource("GitHubRole").path("Properties").path("AssumeRolePolicyDocument").path("Statement")) {
                s.path("Condition").fields().forEachRemaining(op -> op.getValue().fields().forEachRemaining(key -> {
                    if (key.getKey().endsWith(":sub")) {
                        List<String> subjects = new ArrayList<>();
                        if (key.getValue().isArray()) {
                            key.getValue().forEach(v -> subjects.add(v.asText()));
                        } else {
                            subjects.add(key.getValue().asText());
                        }
                        subjects.stream().filter(v -> v.contains("*") || v.contains("?"))
                                .forEach(v -> problems.add("wildcard subject " + v));
                        if (!op.getKey().equals("StringEquals")) {
                            problems.add("sub compared with " + op.getKey() + ", not StringEquals");
                        }
                    }
                }));
            }
        }
        assertThat(problems).isEmpty();
        // Nor can a parameter value bring a wildcard in.
        JsonNode parameters = Template.get().path("Parameters");
        Map<String, String> attempts = Map.of("GitHubRepository", "octo-org/*", "GitHubBranch", "*",
                "GitHubEnvironment", "prod*");
        attempts.forEach((p, value) -> assertThat(value.matches(parameters.path(p).path("AllowedPattern").asText()))
                .as(p + " = " + value).isFalse());
        assertThat("release/2".matches(parameters.path("GitHubBranch").path("AllowedPattern").asText())).isTrue();
    }

    @Test
    void theWorkflow_startsFollowsAndStopsItsRun_andReadsItsResults() {
        String run = "gh-123-1";
        List<Request> needed = List.of(
                Request.of("cloudformation:DescribeStacks", "arn:aws:cloudformation:us-east-1:123456789012:stack/bench/"
                        + "0c3a1f20-0000-4000-8000-000000000000"),
                Request.of("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:bench-benchmark"),
                Request.of("states:DescribeExecution", EXECUTIONS + run),
                Request.of("states:GetExecutionHistory", EXECUTIONS + run),
                Request.of("states:StopExecution", EXECUTIONS + run),
                Request.of("ec2:DescribeInstances", "*"),
                Request.of("s3:GetObject", BUCKET + "/runs/" + run + "/results.json"),
                Request.of("s3:GetObject", BUCKET + "/runs/" + run + "/report.md"),
                // cloudbench results --all lists the run's prefix.
                Request.of("s3:ListBucket", BUCKET).with("s3:prefix", "runs/" + run + "/"),
                // A run that failed before its report: GetObject of a missing key; S3 checks ListBucket
                // (no prefix in that check) to answer 404 rather than 403.
                Request.of("s3:ListBucket", BUCKET));
        assertThat(needed).allSatisfy(r -> assertThat(ROLE.allows(r)).as(r.toString()).isTrue());
    }

    @Test
    void theWorkflow_cannotTouchOtherKeys_otherMachines_orWrite() {
        List<Request> refused = List.of(
                Request.of("s3:GetObject", BUCKET + "/logs/R/T/stdout"),
                Request.of("s3:GetObject", BUCKET + "/inbox/x/raw.json"),
                Request.of("s3:PutObject", BUCKET + "/runs/R/request.json"),
                Request.of("s3:DeleteObject", BUCKET + "/runs/R/results.json"),
                Request.of("s3:ListBucket", BUCKET).with("s3:prefix", "logs/"),
                Request.of("s3:ListBucket", BUCKET).with("s3:prefix", "inbox/"),
                Request.of("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:payments"),
                Request.of("states:StopExecution", "arn:aws:states:us-east-1:123456789012:execution:payments:x"),
                Request.of("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-1"),
                Request.of("ec2:RunInstances", "*"),
                Request.of("cloudformation:DescribeStacks", "arn:aws:cloudformation:us-east-1:123456789012:stack/prod/1"),
                Request.of("iam:PassRole", "*"),
                Request.of("ssm:SendCommand", "*"));
        assertThat(refused).allSatisfy(r -> assertThat(ROLE.allows(r)).as(r.toString()).isFalse());
    }

    @Test
    void withoutARepository_thereIsNoRole() {
        assertThat(new TestStack(Template.get(), Map.of()).resource("GitHubRole").isMissingNode()).isTrue();
    }
}
