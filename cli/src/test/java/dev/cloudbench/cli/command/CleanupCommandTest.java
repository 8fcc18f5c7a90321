package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.functions.aws.Ec2StandIn;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CleanupCommandTest {
    private final CloudHarness aws = new CloudHarness();

    @AfterEach
    void close() {
        aws.close();
    }

    private void instance(String id, String run, String deadline) {
        aws.ec2.instances.add(new Ec2StandIn.Instance(id, "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", Map.of("cloudbench:stack", CloudHarness.STACK, "cloudbench:run-id", run,
                        "cloudbench:target-id", "c7g.large-arm64", "cloudbench:deadline", deadline)));
    }

    @Test
    void cleanupRun_listsTheRunsInstancesFirst_andTerminatesNothing_whenTheAnswerIsNo() {
        instance("i-a", "run-1", "2026-01-01T14:00:00Z");

        CloudHarness.Result r = aws.run("cleanup", "--run", "run-1");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Would terminate 1 instance(s) of stack cloudbench (us-east-1):")
                .contains("  i-a  run run-1  target c7g.large-arm64").contains("Nothing terminated.");
        assertThat(aws.questions).containsExactly("Terminate them? [y/N]");
        assertThat(aws.ec2.calls("TerminateInstances")).isEmpty();
    }

    @Test
    void cleanupRun_withYes_terminatesOnlyThatRunsInstances_andConfirmsTheyAreGone() {
        instance("i-a", "run-1", "2026-01-01T14:00:00Z");
        instance("i-b", "run-1", "2026-01-01T14:00:00Z");
        instance("i-other", "run-2", "2026-01-01T14:00:00Z");

        CloudHarness.Result r = aws.run("cleanup", "--run", "run-1", "--yes");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(aws.questions).isEmpty();
        assertThat(aws.ec2.calls("TerminateInstances")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("InstanceId.1", "i-a").containsEntry("InstanceId.2", "i-b").doesNotContainKey("InstanceId.3"));
        assertThat(aws.ec2.calls("DescribeInstances").get(0)).containsEntry("Filter.1.Name", "tag:cloudbench:stack")
                .containsEntry("Filter.1.Value.1", "cloudbench").containsEntry("Filter.2.Name", "tag:cloudbench:run-id")
                .containsEntry("Filter.2.Value.1", "run-1");
        assertThat(r.out()).contains("Terminating i-a, i-b.").contains("None of them is running any more");
    }

    @Test
    void cleanupExpired_terminatesWhatTheSweeperWould_afterAYes() {
        instance("i-late", "run-old", "2026-01-01T12:00:00Z");
        instance("i-orphan", "run-ended", "2026-01-01T14:00:00Z");
        instance("i-busy", "run-busy", "2026-01-01T14:00:00Z");
        aws.sfn.add("run-ended", Instant.parse("2026-01-01T11:00:00Z")).status = "ABORTED";
        aws.sfn.add("run-busy", Instant.parse("2026-01-01T12:30:00Z"));
        aws.answers.add(true);

        CloudHarness.Result r = aws.run("cleanup", "--expired");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("i-late  run run-old  deadline 2026-01-01T12:00:00Z passed")
                .contains("i-orphan  run run-ended  execution of run run-ended is no longer running")
                .doesNotContain("i-busy");
        assertThat(aws.ec2.calls("TerminateInstances")).singleElement().satisfies(c -> assertThat(c.values())
                .contains("i-late", "i-orphan").doesNotContain("i-busy"));
    }

    @Test
    void cleanup_saysSo_whenThereIsNothingToTerminate() {
        CloudHarness.Result r = aws.run("cleanup", "--expired");

        assertThat(r.exit()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Nothing to clean up");
        assertThat(aws.questions).isEmpty();
    }

    @Test
    void cleanup_needsEitherARunOrExpired() {
        assertThat(aws.run("cleanup").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(aws.run("cleanup", "--run", "r", "--expired").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(aws.requestCount()).isZero();
    }
}
