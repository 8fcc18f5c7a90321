package dev.cloudbench.deploy.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cloudbench.deploy.iam.PolicyEvaluator.Decision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator itself, on the cases IAM's documentation spells out, so the role tests can be trusted. */
class PolicyEvaluatorTest {
    private static PolicyEvaluator policy(String statements) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(statements).forEach(out::add);
        return new PolicyEvaluator(out);
    }

    @Test
    void nothingGranted_isImplicitlyDenied_andAnExplicitDeny_winsOverAnAllow() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Allow","Action":"s3:*","Resource":"*"},
                 {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::b/*"}]""");

        assertThat(p.evaluate(Request.of("s3:GetObject", "arn:aws:s3:::b/k"))).isEqualTo(Decision.ALLOWED);
        assertThat(p.evaluate(Request.of("s3:DeleteObject", "arn:aws:s3:::b/k"))).isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(p.evaluate(Request.of("ec2:RunInstances", "*"))).isEqualTo(Decision.IMPLICITLY_DENIED);
    }

    @Test
    void actions_matchCaseInsensitively_withWildcards_andNotAction_invertsTheMatch() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Allow","Action":"ssm:GetParameter*","Resource":"*"},
                 {"Effect":"Allow","NotAction":["ec2:*","ssm:*"],"Resource":"*"}]""");

        assertThat(p.allows(Request.of("SSM:getparametersbypath", "x"))).isTrue();
        assertThat(p.allows(Request.of("ssm:GetDocument", "x"))).isFalse();
        assertThat(p.allows(Request.of("s3:GetObject", "x"))).isTrue();
        assertThat(p.allows(Request.of("ec2:RunInstances", "x"))).isFalse();
    }

    @Test
    void resources_matchCaseSensitively_andAStarSpansSlashes() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/runs/*/x?.json"}]""");

        assertThat(p.allows(Request.of("s3:PutObject", "arn:aws:s3:::b/runs/r1/t/x1.json"))).isTrue();
        assertThat(p.allows(Request.of("s3:PutObject", "arn:aws:s3:::b/Runs/r1/x1.json"))).isFalse();
        assertThat(p.allows(Request.of("s3:PutObject", "arn:aws:s3:::b/runs/r1/x12.json"))).isFalse();
    }

    @Test
    void aPolicyVariable_isTheRequestsValue_andAMissingOne_matchesNothing() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/inbox/${aws:userid}/*"}]""");
        Request own = Request.of("s3:PutObject", "arn:aws:s3:::b/inbox/AROAX:i-1/raw.json").with("aws:userid", "AROAX:i-1");

        assertThat(p.allows(own)).isTrue();
        assertThat(p.allows(Request.of("s3:PutObject", "arn:aws:s3:::b/inbox/AROAX:i-2/raw.json")
                .with("aws:userid", "AROAX:i-1"))).isFalse();
        assertThat(p.allows(Request.of("s3:PutObject", "arn:aws:s3:::b/inbox/AROAX:i-1/raw.json"))).isFalse();
        // A value with wildcard characters is matched literally, never as a pattern.
        assertThat(p.allows(Request.of("s3:PutObject", "arn:aws:s3:::b/inbox/AROAX:i-9/raw.json")
                .with("aws:userid", "AROAX:*"))).isFalse();
    }

    @Test
    void conditions_andAcrossKeys_orAcrossValues() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*",
                  "Condition":{"StringEquals":{"aws:ResourceTag/stack":["a","b"],"ec2:Region":"us-east-1"}}}]""");
        Request terminate = Request.of("ec2:TerminateInstances", "arn:aws:ec2:us-east-1:1:instance/i-1");

        assertThat(p.allows(terminate.with("aws:ResourceTag/stack", "b").with("ec2:Region", "us-east-1"))).isTrue();
        assertThat(p.allows(terminate.with("aws:ResourceTag/stack", "c").with("ec2:Region", "us-east-1"))).isFalse();
        assertThat(p.allows(terminate.with("aws:ResourceTag/stack", "a"))).isFalse();
    }

    @Test
    void aMissingKey_failsPositiveOperators_passesNegatedOnes_IfExists_andForAllValues() throws IOException {
        Request bare = Request.of("a:B", "*");
        assertThat(policy(cond("StringEquals", "k", "v")).allows(bare)).isFalse();
        assertThat(policy(cond("StringLike", "k", "v*")).allows(bare)).isFalse();
        assertThat(policy(cond("StringNotEquals", "k", "v")).allows(bare)).isTrue();
        assertThat(policy(cond("StringLikeIfExists", "k", "v*")).allows(bare)).isTrue();
        assertThat(policy(cond("ForAllValues:StringEquals", "k", "v")).allows(bare)).isTrue();
        assertThat(policy(cond("ForAnyValue:StringEquals", "k", "v")).allows(bare)).isFalse();
        assertThat(policy(cond("Null", "k", "true")).allows(bare)).isTrue();
        assertThat(policy(cond("Null", "k", "false")).allows(bare)).isFalse();
        assertThat(policy(cond("StringLikeIfExists", "k", "v*")).allows(bare.with("k", "w"))).isFalse();
    }

    @Test
    void setOperators_forAllValues_needsEveryValueListed_forAnyValue_oneOfThem() throws IOException {
        PolicyEvaluator all = policy(cond("ForAllValues:StringLike", "aws:TagKeys", "cloudbench:*"));
        PolicyEvaluator any = policy(cond("ForAnyValue:StringEquals", "aws:TagKeys", "cloudbench:stack"));
        Request both = Request.of("a:B", "*").with("aws:TagKeys", "cloudbench:stack", "owner");
        Request ours = Request.of("a:B", "*").with("aws:TagKeys", "cloudbench:stack", "cloudbench:role");

        assertThat(all.allows(both)).isFalse();
        assertThat(all.allows(ours)).isTrue();
        assertThat(any.allows(both)).isTrue();
        assertThat(any.allows(Request.of("a:B", "*").with("aws:TagKeys", "owner"))).isFalse();
    }

    @Test
    void stringLike_andArnLike_useWildcards_andArnLikeKeepsEachColonPartApart() throws IOException {
        PolicyEvaluator sub = policy(cond("StringLike", "sub", "repo:o/r:ref:refs/heads/main"));
        PolicyEvaluator arn = policy(cond("ArnLike", "aws:SourceArn", "arn:aws:events:*:123456789012:rule/bench-*"));

        assertThat(sub.allows(Request.of("a:B", "*").with("sub", "repo:o/r:ref:refs/heads/main"))).isTrue();
        assertThat(sub.allows(Request.of("a:B", "*").with("sub", "repo:o/r:pull_request"))).isFalse();
        assertThat(arn.allows(Request.of("a:B", "*").with("aws:SourceArn",
                "arn:aws:events:us-east-1:123456789012:rule/bench-RunEnded"))).isTrue();
        assertThat(arn.allows(Request.of("a:B", "*").with("aws:SourceArn",
                "arn:aws:events:us-east-1:999999999999:rule/bench-RunEnded"))).isFalse();
    }

    @Test
    void bool_comparesTheTextCaseInsensitively() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                 {"Effect":"Allow","Action":"s3:*","Resource":"*"}]""");

        assertThat(p.evaluate(Request.of("s3:GetObject", "x").with("aws:SecureTransport", "FALSE")))
                .isEqualTo(Decision.EXPLICITLY_DENIED);
        assertThat(p.allows(Request.of("s3:GetObject", "x").with("aws:SecureTransport", "true"))).isTrue();
    }

    @Test
    void trustStatements_matchThePrincipal() throws IOException {
        PolicyEvaluator p = policy("""
                [{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]""");

        assertThat(p.allows(Request.of("sts:AssumeRole", "role").by("Service", "ec2.amazonaws.com"))).isTrue();
        assertThat(p.allows(Request.of("sts:AssumeRole", "role").by("Service", "lambda.amazonaws.com"))).isFalse();
    }

    @Test
    void anUnknownOperator_failsLoudly_ratherThanGuessing() throws IOException {
        PolicyEvaluator p = policy(cond("DateGreaterThan", "aws:CurrentTime", "2020-01-01T00:00:00Z"));

        assertThatThrownBy(() -> p.allows(Request.of("a:B", "*").with("aws:CurrentTime", "2026-01-01T00:00:00Z")))
                .hasMessageContaining("DateGreaterThan");
    }

    private static String cond(String operator, String key, String value) {
        return new ObjectMapper().createArrayNode().add(new ObjectMapper().valueToTree(Map.of("Effect", "Allow",
                "Action", "a:B", "Resource", "*", "Condition", Map.of(operator, Map.of(key, value))))).toString();
    }
}
