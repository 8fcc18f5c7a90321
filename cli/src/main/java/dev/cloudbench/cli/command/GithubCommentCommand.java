package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.github.GitHubApi;
import dev.cloudbench.cli.github.PrComments;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.report.pr.PrComment;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cloudbench github comment}: creates the pull request's cloudbench comment, or updates it. */
@Command(name = "comment", mixinStandardHelpOptions = true,
        description = {"Create or update the one cloudbench comment of a pull request (found by its hidden marker",
            PrComment.MARKER + ")."})
public final class GithubCommentCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    GithubCommand parent;

    @Mixin
    GithubRepository github;

    @Option(names = "--pr", required = true, paramLabel = "N", description = "the pull request's number")
    int pullRequest;

    @Option(names = "--body-file", required = true, paramLabel = "FILE",
            description = "the comment, e.g. pr-comment.md of cloudbench report --format pr-comment")
    Path bodyFile;

    @Option(names = "--author", paramLabel = "LOGIN",
            description = "only update a marked comment by this login (in Actions: github-actions[bot])")
    String author;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String repository = github.checked();
        if (pullRequest < 1) {
            throw new BadInputException("--pr: " + pullRequest + " is not a pull request number");
        }
        String body;
        try {
            body = Files.readString(bodyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--body-file: " + bodyFile + " does not exist");
        }
        if (body.length() > PrComment.MAX_LENGTH + PrComment.MARKER.length() + 1) {
            throw new BadInputException("--body-file: " + body.length() + " characters, over the " + PrComment.MAX_LENGTH
                    + " a comment may have here");
        }
        try {
            PrComments.Outcome outcome = PrComments.upsert(parent.api(), repository, pullRequest, body, author);
            out.println((outcome.created() ? "Created" : "Updated") + " comment " + outcome.id() + " on " + repository
                    + "#" + pullRequest);
            out.flush();
            return ExitCodes.OK;
        } catch (GitHubApi.GitHubApiException e) {
            return GithubCommand.failed(e, spec.commandLine().getErr());
        }
    }
}
