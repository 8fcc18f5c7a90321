package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.Main;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.core.report.pr.PrComment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The baseline/candidate flags of run and local, and report --format pr-comment, from the command line. */
class ComparisonCommandsTest {
    private static final Path CORE_FIXTURES = Path.of("../core/src/test/resources/dev/cloudbench/core/report/pr");
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result cloudbench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void reportFormatPrComment_writesTheCommentOfTheRun_asTheGoldenFileHasIt() throws Exception {
        Path results = Files.copy(CORE_FIXTURES.resolve("recorded-local-run.json"), dir.resolve("results.json"));

        Result r = cloudbench("report", results.toString(), "--format", "pr-comment", "--fail-on-regression", "5",
                "--reports-at", "https://github.com/octo/evm/actions/runs/123456789");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Comment: " + dir.toAbsolutePath().resolve("pr-comment.md"));
        assertThat(dir.resolve("pr-comment.md")).content().startsWith(PrComment.MARKER)
                .isEqualTo(Files.readString(CORE_FIXTURES.resolve("golden/regression.md")));
        assertThat(dir.resolve("report.md")).as("only the comment").doesNotExist();
    }

    @Test
    void reportFormatUnknown_isBadInput() throws Exception {
        Path results = Files.copy(CORE_FIXTURES.resolve("recorded-local-run.json"), dir.resolve("results.json"));
        Result r = cloudbench("report", results.toString(), "--format", "pdf");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: --format: 'pdf' is neither reports nor pr-comment"
                + System.lineSeparator());
    }

    @Test
    void localWithOneRef_isBadInput_beforeAnythingStarts() throws Exception {
        Path suite = Files.writeString(dir.resolve("s.json"), "{\"name\":\"s\",\"repository\":{\"url\":"
                + "\"https://github.com/octo/evm\"},\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]}");
        Result r = cloudbench("local", suite.toString(), "--baseline-ref", "main", "--output", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: --baseline-ref and --candidate-ref go together: give both"
                + System.lineSeparator());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void localGateWithoutAComparison_isBadInput() throws Exception {
        Path suite = Files.writeString(dir.resolve("s.json"), "{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\","
                + "\"command\":\"true\"}]}");
        Result r = cloudbench("local", suite.toString(), "--fail-on-regression", "5");
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--fail-on-regression: nothing to compare");
    }

    @Test
    void runWithRefs_onASuiteWithVariants_isBadInput_andReachesNoAws() throws Exception {
        try (CloudHarness aws = new CloudHarness()) {
            Path suite = Files.writeString(dir.resolve("ab.json"), "{\"name\":\"ab\",\"benchmarks\":[{\"name\":\"a\","
                    + "\"command\":\"true\"}],\"variants\":[{\"name\":\"x\"},{\"name\":\"y\"}]}");

            CloudHarness.Result r = aws.run("run", suite.toString(), "--baseline-ref", "main", "--candidate-ref", "pr");

            assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).isEqualTo("cloudbench: bad input: --baseline-ref/--candidate-ref: suite ab has variants"
                    + " of its own (x, y); drop them from the suite or drop the flags" + System.lineSeparator());
            assertThat(aws.requestCount()).isZero();
        }
    }

    @Test
    void runWithRefs_startsAnExecutionWhoseSuiteHasBaselineAndCandidate() throws Exception {
        try (CloudHarness aws = new CloudHarness()) {
            Path suite = Files.writeString(dir.resolve("s.json"), "{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\","
                    + "\"command\":\"true\"}]}");

            CloudHarness.Result r = aws.run("run", suite.toString(), "--arch", "both", "--no-wait", "--repository",
                    "https://github.com/octo/evm", "--baseline-ref", "0123456789abcdef0123456789abcdef01234567",
                    "--candidate-ref", "89abcdef0123456789abcdef0123456789abcdef");

            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
            var input = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    aws.sfn.calls("StartExecution").get(0).path("input").asText());
            assertThat(input.path("suite").path("repository").path("url").asText()).isEqualTo("https://github.com/octo/evm");
            assertThat(input.path("suite").path("variants").toString()).isEqualTo(
                    "[{\"name\":\"baseline\",\"ref\":\"0123456789abcdef0123456789abcdef01234567\"},"
                            + "{\"name\":\"candidate\",\"ref\":\"89abcdef0123456789abcdef0123456789abcdef\"}]");
            assertThat(input.path("targets")).hasSize(2);
        }
    }
}
