package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ListCommandTest {
    private final CloudHarness aws = new CloudHarness();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void list_showsTheStacksRuns_newestFirst_withStatusStartAndDuration() {
        var nightly = aws.sfn.add("nightly-20251231", Instant.parse("2025-12-31T03:00:00Z"));
        nightly.status = "SUCCEEDED";
        nightly.stop = Instant.parse("2025-12-31T03:41:10Z");
        aws.sfn.add("gh-42-1", Instant.parse("2026-01-01T12:45:00Z"));

        CloudHarness.Result r = aws.run("list");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines().toList()).containsSubsequence(
                "Runs of stack cloudbench (us-east-1), newest first:",
                "  run                   status                started                 took",
                "  gh-42-1              RUNNING   2026-01-01 12:45 UTC   15 min 00 s so far",
                "  nightly-20251231   SUCCEEDED   2025-12-31 03:00 UTC          41 min 10 s");
    }

    @Test
    void list_saysHowToStart_whenTheStackHasNoRuns() {
        CloudHarness.Result r = aws.run("list");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("No runs in stack cloudbench (us-east-1) yet. Start one: cloudbench run SUITE");
    }

    @Test
    void list_filtersByStatus_andStopsAtTheLimit() {
        for (int i = 0; i < 5; i++) {
            aws.sfn.add("run-" + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)).status = "FAILED";
        }
        aws.sfn.add("ok", Instant.parse("2026-01-01T01:00:00Z")).status = "SUCCEEDED";

        CloudHarness.Result r = aws.run("list", "--status", "FAILED", "--limit", "2");

        assertThat(r.out()).contains("run-4").contains("run-3").doesNotContain("run-2").doesNotContain("ok ");
        assertThat(aws.sfn.calls("ListExecutions").get(0).path("statusFilter").asText()).isEqualTo("FAILED");
    }
}
