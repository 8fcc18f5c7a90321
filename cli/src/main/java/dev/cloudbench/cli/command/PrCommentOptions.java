package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.pr.RegressionGate;
import dev.cloudbench.core.report.pr.PrComment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.stats.Bootstrap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code cloudbench report RUN --format pr-comment}: the options of the comment and writing it. */
public final class PrCommentOptions {
    /** The value of {@code --format} that writes the comment. */
    public static final String FORMAT = "pr-comment";
    static final String FILE = "pr-comment.md";

    @Option(names = "--reports-at", paramLabel = "URL|TEXT",
            description = "with --format pr-comment: where the full reports are, e.g. the workflow run's URL")
    String reportsAt;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "with --format pr-comment: say in each verdict line whether the run passes this gate")
    Double failOnRegression;

    /** Writes pr-comment.md into {@code dir} and says where. */
    int write(RunResults results, Path dir, PrintWriter out) throws IOException {
        if (failOnRegression != null) {
            RegressionGate.of("--fail-on-regression", failOnRegression);
        }
        String body = PrComment.render(results, PrComment.Options.standard().withReportsAt(reportsAt)
                .withFailOnRegression(failOnRegression), Bootstrap.standard());
        Path file = dir.resolve(FILE);
        Files.writeString(file, body, StandardCharsets.UTF_8);
        out.println("cloudbench report: pull-request comment of run " + results.runId() + ", " + body.length()
                + " characters (at most " + PrComment.MAX_LENGTH + ")");
        out.println("Comment: " + file);
        out.flush();
        return ExitCodes.OK;
    }
}
