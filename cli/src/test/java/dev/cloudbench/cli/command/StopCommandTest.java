package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.functions.aws.Ec2StandIn;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code cloudbench stop RUN}: the cancelled workflow's backstop. */
class StopCommandTest {
    private static final String RUN = "gh-77-1";
    private final CloudHarness aws = new CloudHarness();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void stop_stopsTheExecutionWithoutAsking_andWatchesTheCleanupEndItsInstances() {
        aws.ec2.instances.add(new Ec2StandIn.Instance("i-pr", "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", Map.of("cloudbench:stack", "cloudbench", "cloudbench:run-id", RUN)));
        aws.sfn.add(RUN, Instant.parse("2026-01-01T12:00:00Z"));
        aws.sfn.onStop = e -> aws.ec2.instances.replaceAll(i -> new Ec2StandIn.Instance(i.id(), i.type(), "terminated",
                null, null, i.lifecycle(), i.zone(), i.imageId(), i.tags()));

        CloudHarness.Result r = aws.run("stop", RUN);

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(aws.questions).isEmpty();
        assertThat(aws.sfn.calls("StopExecution")).singleElement()
                .satisfies(c -> assertThat(c.path("executionArn").asText()).isEqualTo(aws.sfn.arn(RUN)));
        assertThat(aws.ec2.calls("TerminateInstances")).isEmpty();
        assertThat(r.err()).contains("Stopped run " + RUN, "No instance of run " + RUN + " is left");
    }

    @Test
    void stop_refusesAnUnsafeRunId_beforeCallingAws() {
        CloudHarness.Result r = aws.run("stop", "../x");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: RUN: '../x' must be 1-64 letters, digits, '.', '_' or '-'\n");
        assertThat(aws.sfn.calls("StopExecution")).isEmpty();
    }
}
