package dev.cloudbench.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.functions.aws.Ec2StandIn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunStopperTest {
    private static final String RUN = "run-ctrl-c";

    private final CloudHarness aws = new CloudHarness();
    private final StringWriter log = new StringWriter();

    @AfterEach
    void close() {
        aws.close();
    }

    private boolean interrupt(boolean withoutAsking) {
        CloudOptions cloud = new CloudOptions(aws.environment());
        new picocli.CommandLine(cloud).parseArgs(); // the options' defaults: stack "cloudbench"
        return new RunStopper(cloud, RUN, withoutAsking, new PrintWriter(log, true)).interrupted();
    }

    private void liveInstance() {
        aws.ec2.instances.add(new Ec2StandIn.Instance("i-run", "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", Map.of("cloudbench:stack", "cloudbench", "cloudbench:run-id", RUN)));
        aws.sfn.add(RUN, Instant.parse("2026-01-01T12:00:00Z"));
        // What the execution-status rule's cleanup function does once the execution is aborted.
        aws.sfn.onStop = e -> aws.ec2.instances.replaceAll(i -> new Ec2StandIn.Instance(i.id(), i.type(), "terminated",
                null, null, i.lifecycle(), i.zone(), i.imageId(), i.tags()));
    }

    @Test
    void interrupted_stopsTheExecution_whenTheAnswerIsYes_andConfirmsTheRunsInstancesAreGone() {
        liveInstance();
        aws.answers.add(true);

        assertThat(interrupt(false)).isTrue();

        assertThat(aws.questions).containsExactly(
                "Stop run " + RUN + "? The stack's cleanup then terminates its instances. [y/N]");
        assertThat(aws.sfn.calls("StopExecution")).singleElement().satisfies(c -> {
            assertThat(c.path("executionArn").asText()).isEqualTo(aws.sfn.arn(RUN));
            assertThat(c.path("error").asText()).isEqualTo("cloudbench.Interrupted");
        });
        assertThat(aws.ec2.calls("DescribeInstances")).last().satisfies(c -> assertThat(c)
                .containsEntry("Filter.2.Name", "tag:cloudbench:run-id").containsEntry("Filter.2.Value.1", RUN));
        assertThat(aws.ec2.calls("TerminateInstances")).as("the stack's cleanup layers terminate, not the CLI").isEmpty();
        assertThat(log.toString()).contains("A stopped execution runs no Catch: the stack's cleanup terminates its"
                + " instances").contains("No instance of run " + RUN + " is left");
    }

    @Test
    void interrupted_leavesTheRunGoing_whenTheAnswerIsNo() {
        liveInstance();

        assertThat(interrupt(false)).isFalse();

        assertThat(aws.sfn.calls("StopExecution")).isEmpty();
        assertThat(log.toString()).contains("Run " + RUN + " goes on in AWS. Follow it: cloudbench status " + RUN
                + " --follow");
    }

    @Test
    void interrupted_withStopOnInterrupt_stopsWithoutAsking() {
        liveInstance();

        assertThat(interrupt(true)).isTrue();

        assertThat(aws.questions).isEmpty();
        assertThat(aws.sfn.calls("StopExecution")).hasSize(1);
    }

    @Test
    void interrupted_namesTheInstancesStillLive_andHowToEndThem_whenTheCleanupIsLate() {
        liveInstance();
        aws.sfn.onStop = e -> { };
        aws.goneTimeout = Duration.ZERO;

        interrupt(true);

        assertThat(log.toString()).contains("cloudbench: still live after 0 s: i-run. Terminate them now:"
                + " cloudbench cleanup --run " + RUN);
    }
}
