package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.github.GitHubApi;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code cloudbench github}: what a pull-request workflow writes back to GitHub. The token comes from
 * {@code GITHUB_TOKEN}, the API from {@code GITHUB_API_URL} (both set in Actions), never from a flag
 * that would show in a process list.
 */
@Command(name = "github", mixinStandardHelpOptions = true,
        subcommands = {GithubCommentCommand.class, GithubStatusCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench github comment --repository octo/evm --pr 42 --body-file pr-comment.md",
            "  cloudbench github status --repository octo/evm --sha \"$HEAD_SHA\" cloudbench-results/runs/<run-id>/"},
        description = {"Write a run's pull-request comment and commit statuses to GitHub (GITHUB_TOKEN, GITHUB_API_URL)."})
public final class GithubCommand implements Callable<Integer> {
    private final Function<String, String> environment;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public GithubCommand() {
        this(System::getenv);
    }

    /** @param environment where GITHUB_TOKEN and GITHUB_API_URL are read: tests pass their own */
    public GithubCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: comment or status");
    }

    GitHubApi api() {
        return GitHubApi.of(environment.apply("GITHUB_API_URL"), environment.apply("GITHUB_TOKEN"));
    }

    /** A refusal or failure of GitHub's: one line and a named exit code. */
    static int failed(GitHubApi.GitHubApiException e, PrintWriter err) {
        err.println("cloudbench: github: " + e.getMessage()
                + (e.denied() ? " (does the token have the permission? pull-requests: write, statuses: write)" : ""));
        err.flush();
        return e.denied() ? ExitCodes.ACCESS_DENIED : ExitCodes.INTERNAL_ERROR;
    }
}
