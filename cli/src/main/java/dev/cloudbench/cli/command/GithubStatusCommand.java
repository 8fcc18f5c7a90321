package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.github.GitHubApi;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.pr.ArchitectureStatus;
import dev.cloudbench.core.pr.RegressionGate;
import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.stats.Bootstrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench github status}: one commit status per architecture ({@code cloudbench/x86_64},
 * {@code cloudbench/arm64}) on the pull request's head commit, judged from the run's results, or a
 * given state for all of them (pending at the start, error when the run published nothing).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Set a commit status per architecture from a run's results (or --state for all of them)."})
public final class GithubStatusCommand implements Callable<Integer> {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Set<String> STATES = Set.of("pending", "success", "failure", "error");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    GithubCommand parent;

    @Mixin
    GithubRepository github;

    @Option(names = "--sha", required = true, paramLabel = "SHA", description = "the commit (40 hex digits)")
    String sha;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RESULTS", description = "run directory or results.json")
    Path results;

    @Option(names = "--state", paramLabel = "STATE",
            description = "pending, success, failure or error for every architecture, instead of judging RESULTS")
    String state;

    @Option(names = "--description", paramLabel = "TEXT", description = "with --state: the statuses' description")
    String description;

    @Option(names = "--fail-on-regression", paramLabel = "PCT", defaultValue = "0",
            description = "failure when a benchmark is confirmed slower by more than PCT percent (default: ${DEFAULT-VALUE})")
    double failOnRegression;

    @Option(names = "--arch", paramLabel = "ARCH", split = ",", defaultValue = "x86_64,arm64",
            description = "the architectures to set a status for (default: ${DEFAULT-VALUE})")
    List<String> architectures;

    @Option(names = "--target-url", paramLabel = "URL", description = "where the status links to, e.g. the workflow run")
    String targetUrl;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String repository = github.checked();
        if (sha == null || !SHA.matcher(sha).matches()) {
            throw new BadInputException("--sha: '" + sha + "' is not a full commit id (40 hex digits)");
        }
        if (targetUrl != null && !targetUrl.startsWith("https://")) {
            throw new BadInputException("--target-url: '" + targetUrl + "' is not an https:// URL");
        }
        if ((state == null) == (results == null)) {
            throw new BadInputException("give either RESULTS or --state, not " + (state == null ? "neither" : "both"));
        }
        RegressionGate gate = RegressionGate.of("--fail-on-regression", failOnRegression);
        for (String a : architectures) {
            if (!a.matches("[a-z0-9_]{1,20}")) {
                throw new BadInputException("--arch: '" + a + "' is not an architecture name");
            }
        }
        List<ArchitectureStatus> statuses;
        if (state != null) {
            if (!STATES.contains(state)) {
                throw new BadInputException("--state: '" + state + "' is not one of pending, success, failure, error");
            }
            String text = description == null ? "cloudbench: " + state : description;
            statuses = architectures.stream().map(a -> ArchitectureStatus.status(a, state, text)).toList();
        } else {
            RunResults run = new ResultsFiles(Bootstrap.standard(), Clock.systemUTC()).load(results).results();
            statuses = ArchitectureStatus.of(run, architectures, gate);
        }
        try {
            GitHubApi api = parent.api();
            for (ArchitectureStatus s : statuses) {
                api.createStatus(repository, sha, s.state(), s.context(), s.description(), targetUrl);
                out.println(s.context() + ": " + s.state() + " — " + s.description());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (GitHubApi.GitHubApiException e) {
            return GithubCommand.failed(e, spec.commandLine().getErr());
        }
    }
}
