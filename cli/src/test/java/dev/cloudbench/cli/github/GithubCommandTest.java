package dev.cloudbench.cli.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.command.GithubCommand;
import dev.cloudbench.core.report.pr.PrComment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cloudbench github comment|status} against a loopback stand-in of GitHub's REST API. */
class GithubCommandTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    @TempDir
    Path dir;
    private GitHubStandIn github;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws IOException {
        github = new GitHubStandIn();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    private int cloudbench(String... args) {
        CommandLine cl = new CommandLine(new GithubCommand(Map.of("GITHUB_TOKEN", "ghs_test",
                "GITHUB_API_URL", github.url())::get));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path body(String text) throws IOException {
        Path f = dir.resolve("pr-comment.md");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void comment_isCreated_whenThePullRequestHasNone_andUpdatedOnTheNextPush() throws IOException {
        for (int i = 0; i < 130; i++) {
            github.hold(i % 2 == 0 ? "someone" : "github-actions[bot]", "comment " + i);
        }

        int first = cloudbench("comment", "--repository", "octo/evm", "--pr", "42", "--body-file",
                body(PrComment.MARKER + "\nfirst numbers").toString(), "--author", "github-actions[bot]");
        int second = cloudbench("comment", "--repository", "octo/evm", "--pr", "42", "--body-file",
                body(PrComment.MARKER + "\nnew numbers").toString(), "--author", "github-actions[bot]");

        assertThat(first).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(second).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(github.calls()).containsExactly(
                "GET /repos/octo/evm/issues/42/comments?per_page=100",
                "GET /repos/octo/evm/issues/42/comments?per_page=100&page=2",
                "POST /repos/octo/evm/issues/42/comments",
                "GET /repos/octo/evm/issues/42/comments?per_page=100",
                "GET /repos/octo/evm/issues/42/comments?per_page=100&page=2",
                "PATCH /repos/octo/evm/issues/comments/1130");
        assertThat(github.comments).hasSize(131).last()
                .isEqualTo(new GitHubStandIn.Comment(1130, "github-actions[bot]", PrComment.MARKER + "\nnew numbers"));
        assertThat(github.requests).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer ghs_test");
            assertThat(r.apiVersion()).isEqualTo("2022-11-28");
        });
        assertThat(out.toString()).contains("Created comment 1130 on octo/evm#42", "Updated comment 1130 on octo/evm#42");
    }

    @Test
    void comment_byAnotherAuthor_thatQuotesTheMarker_isNeverOverwritten() throws IOException {
        github.hold("someone", PrComment.MARKER + "\nquoted by a person");

        assertThat(cloudbench("comment", "--repository", "octo/evm", "--pr", "7", "--body-file",
                body("numbers").toString(), "--author", "github-actions[bot]")).isEqualTo(ExitCodes.OK);

        assertThat(github.comments).extracting(GitHubStandIn.Comment::body)
                .containsExactly(PrComment.MARKER + "\nquoted by a person", PrComment.MARKER + "\nnumbers");
    }

    @Test
    void status_isSetPerArchitecture_fromTheRunsResults() throws IOException {
        Path results = dir.resolve("results.json");
        Files.writeString(results, """
                {"schema":"cloudbench.results/v1","runId":"r","suite":"s","status":"succeeded",
                 "generatedAt":"2026-12-01T00:00:00Z","targets":[
                  {"targetId":"x86_64","architecture":"x86_64","instanceType":"c7i.large","market":"spot",
                   "status":"succeeded","variantComparisons":[{"benchmark":"evm","variant":"candidate",
                   "baseline":"baseline","rounds":12,"ratio":1.2,"interval":{"low":1.15,"high":1.25,"level":0.95},
                   "pValue":0.001,"adjustedPValue":0.001,"level":0.05,"noise":0.01,"verdict":"slower",
                   "reason":"r","settled":true}]},
                  {"targetId":"arm64","architecture":"arm64","instanceType":"c7g.large","market":"spot",
                   "status":"succeeded","variantComparisons":[{"benchmark":"evm","variant":"candidate",
                   "baseline":"baseline","rounds":12,"ratio":1.01,"interval":{"low":0.99,"high":1.02,"level":0.95},
                   "pValue":0.3,"adjustedPValue":0.3,"level":0.05,"noise":0.01,"verdict":"no-significant-change",
                   "reason":"r","settled":true}]}]}""");

        int code = cloudbench("status", "--repository", "octo/evm", "--sha", SHA, results.toString(),
                "--fail-on-regression", "5", "--target-url", "https://github.com/octo/evm/actions/runs/1");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(github.calls()).containsExactly("POST /repos/octo/evm/statuses/" + SHA, "POST /repos/octo/evm/statuses/" + SHA);
        assertThat(github.statuses).extracting(Object::toString).containsExactly(
                "{\"state\":\"failure\",\"context\":\"cloudbench/x86_64\",\"description\":"
                        + "\"▲ evm +20.0%: slower than the baseline beyond 5.0%\","
                        + "\"target_url\":\"https://github.com/octo/evm/actions/runs/1\"}",
                "{\"state\":\"success\",\"context\":\"cloudbench/arm64\",\"description\":"
                        + "\"no regression beyond 5.0% (1 no significant change)\","
                        + "\"target_url\":\"https://github.com/octo/evm/actions/runs/1\"}");
    }

    @Test
    void status_pendingForBothArchitectures_whenTheRunStarts() {
        assertThat(cloudbench("status", "--repository", "octo/evm", "--sha", SHA, "--state", "pending",
                "--description", "measuring the candidate against the base")).isEqualTo(ExitCodes.OK);

        assertThat(github.statuses).extracting(s -> s.path("context").asText() + " " + s.path("state").asText())
                .containsExactly("cloudbench/x86_64 pending", "cloudbench/arm64 pending");
    }

    @Test
    void refusal_isOneLine_andAccessDenied() throws IOException {
        github.refuseWith = 403;

        int code = cloudbench("comment", "--repository", "octo/evm", "--pr", "42", "--body-file", body("x").toString());

        assertThat(code).isEqualTo(ExitCodes.ACCESS_DENIED);
        assertThat(err.toString()).startsWith("cloudbench: github: GET /repos/octo/evm/issues/42/comments answered 403")
                .contains("pull-requests: write").hasLineCount(1);
    }

    @Test
    void nextPage_onAnotherHost_isNotFollowed_soTheTokenStaysHome() {
        for (int i = 0; i < 101; i++) {
            github.hold("a", "c");
        }
        github.linkBase = "https://collector.example";

        assertThatThrownBy(() -> GitHubApi.of(github.url(), "t").comments("octo/evm", 1))
                .isInstanceOf(GitHubApi.GitHubApiException.class)
                .hasMessageStartingWith("refusing to follow a next page outside " + github.url());
        assertThat(github.requests).hasSize(1);
        assertThatThrownBy(() -> GitHubApi.repository("o/r/../x")).hasMessageContaining("is not OWNER/REPO");
    }
}
