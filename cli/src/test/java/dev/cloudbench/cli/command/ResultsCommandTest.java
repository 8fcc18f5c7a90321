package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCommandTest {
    private final CloudHarness aws = new CloudHarness();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void results_copiesResultsAndReports_printsTheTable_andExitsWithTargetsFailed() {
        CloudFixtures.publishResults(aws, CloudFixtures.RUN);

        CloudHarness.Result r = aws.run("results", CloudFixtures.RUN, "-o", dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.TARGETS_FAILED);
        Path runDir = dir.resolve("runs").resolve(CloudFixtures.RUN);
        assertThat(runDir.resolve("results.json")).exists();
        assertThat(runDir.resolve("report.md")).exists();
        assertThat(runDir.resolve("report.html")).exists();
        assertThat(runDir.resolve("targets")).doesNotExist();
        assertThat(r.out()).contains("cloudbench results: run " + CloudFixtures.RUN + ", suite quickstart, 2 target(s), failed")
                .contains("sort-numbers").contains("Results: " + runDir.resolve("results.json"))
                .contains("In S3:   s3://" + CloudHarness.BUCKET + "/runs/" + CloudFixtures.RUN + "/");
    }

    @Test
    void results_withAll_copiesEveryFileOfTheRun() {
        CloudFixtures.publishResults(aws, CloudFixtures.RUN);

        CloudHarness.Result r = aws.run("results", CloudFixtures.RUN, "-o", dir.toString(), "--all");

        assertThat(r.exit()).isEqualTo(ExitCodes.TARGETS_FAILED);
        assertThat(dir.resolve("runs").resolve(CloudFixtures.RUN).resolve("targets/c7i.large-x86_64/raw/sort-numbers.json"))
                .hasContent("{\"results\":[]}");
        assertThat(r.out()).contains("Copied 4 file(s)");
    }

    @Test
    void results_ofTheLatestRun_whenNoneIsNamed() {
        aws.sfn.add("older", Instant.parse("2025-12-31T00:00:00Z")).status = "SUCCEEDED";
        aws.sfn.add(CloudFixtures.RUN, Instant.parse("2026-01-01T12:00:00Z")).status = "FAILED";
        CloudFixtures.publishResults(aws, CloudFixtures.RUN);

        CloudHarness.Result r = aws.run("results", "-o", dir.toString());

        assertThat(r.out()).contains("run " + CloudFixtures.RUN);
    }

    @Test
    void results_ofARunStillRunning_saySo() {
        aws.sfn.add("busy-1", Instant.parse("2026-01-01T12:50:00Z"));

        CloudHarness.Result r = aws.run("results", "busy-1", "-o", dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(r.err()).isEqualTo("cloudbench: run busy-1 has no results: it is still running"
                + " (cloudbench status busy-1 --follow)" + System.lineSeparator());
    }

    @Test
    void results_ofAnUnknownRun_isBadInput() {
        CloudHarness.Result r = aws.run("results", "nope", "-o", dir.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no run 'nope' in stack cloudbench (us-east-1); cloudbench list shows its runs");
    }
}
