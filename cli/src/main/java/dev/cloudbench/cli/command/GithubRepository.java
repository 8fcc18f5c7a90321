package dev.cloudbench.cli.command;

import dev.cloudbench.cli.github.GitHubApi;
import picocli.CommandLine.Option;

/** {@code --repository OWNER/REPO} (a picocli mixin): the repository a github subcommand writes to. */
public final class GithubRepository {
    @Option(names = "--repository", required = true, paramLabel = "OWNER/REPO",
            description = "the repository of the pull request or commit")
    String name;

    /** The repository, checked before anything is sent. */
    String checked() {
        GitHubApi.repository(name);
        return name;
    }
}
