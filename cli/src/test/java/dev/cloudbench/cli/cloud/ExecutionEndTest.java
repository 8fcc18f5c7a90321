package dev.cloudbench.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

class ExecutionEndTest {
    private static final Instant START = Instant.parse("2026-01-01T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-01T13:30:00Z");

    private static ExecutionEnd end(ExecutionStatus status, String error, String cause, Instant stop) {
        return new ExecutionEnd("r1", Execution.of(DescribeExecutionResponse.builder().name("r1").status(status)
                .error(error).cause(cause).startDate(START).stopDate(stop).build()));
    }

    @Test
    void eachWayARunEnds_hasItsLineAndExitCode() {
        ExecutionEnd running = end(ExecutionStatus.RUNNING, null, null, null);
        ExecutionEnd ok = end(ExecutionStatus.SUCCEEDED, null, null, START.plusSeconds(42));
        ExecutionEnd someFailed = end(ExecutionStatus.FAILED, ExecutionEnd.TARGETS_FAILED, "1 of 2 targets failed",
                START.plusSeconds(600));
        ExecutionEnd failed = end(ExecutionStatus.FAILED, "dev.cloudbench.core.error.BadInputException", "bad", START);
        ExecutionEnd stopped = end(ExecutionStatus.ABORTED, "cloudbench.Interrupted", "stopped from the cloudbench CLI",
                START.plusSeconds(3700));
        ExecutionEnd late = end(ExecutionStatus.TIMED_OUT, null, null, START.plusSeconds(90_000));

        assertThat(running.summary(NOW)).isEqualTo("Run r1 is running for 1 h 30 min");
        assertThat(ok.summary(NOW)).isEqualTo("Run r1 succeeded in 42 s");
        assertThat(someFailed.summary(NOW)).isEqualTo("Run r1 finished in 10 min 00 s, but some targets failed:"
                + " 1 of 2 targets failed");
        assertThat(failed.summary(NOW)).isEqualTo("Run r1 failed in 0 s (dev.cloudbench.core.error.BadInputException): bad");
        assertThat(stopped.summary(NOW)).isEqualTo("Run r1 was stopped in 1 h 01 min: stopped from the cloudbench CLI");
        assertThat(late.summary(NOW)).isEqualTo("Run r1 timed out in 25 h 00 min");
        assertThat(running.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(ok.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(someFailed.exitCode()).isEqualTo(ExitCodes.TARGETS_FAILED);
        assertThat(failed.exitCode()).as("refused by Plan Run: bad input").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(end(ExecutionStatus.FAILED, "States.TaskFailed", "x", START).exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(late.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    }
}
