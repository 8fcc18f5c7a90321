package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.testing.FakeFleet;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.ExecutionStatusEvent;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CleanupServiceTest {
    private final FakeFleet fleet = new FakeFleet();
    private final CleanupService cleanup = new CleanupService(fleet);

    @BeforeEach
    void twoRuns() {
        for (String run : new String[] {"run-a", "run-b"}) {
            fleet.launch(new LaunchSpec(run, "t1", "arm64", "c7g.large", "spot", null, "ami", Instant.now(), 0));
        }
    }

    private static ExecutionStatusEvent event(String name, String status, String input) {
        return new ExecutionStatusEvent(ExecutionStatusEvent.DETAIL_TYPE, "aws.states",
                new ExecutionStatusEvent.Detail("arn:aws:states:eu-west-1:1:execution:sm:" + name, "arn:sm", name, status, input));
    }

    @Test
    void abortedExecution_terminatesItsRunOnly_foundByTheInputsRunId() {
        CleanupReport report = cleanup.cleanUp(event("whatever", "ABORTED", "{\"runId\":\"run-a\",\"suite\":{}}"));
        assertThat(report.runId()).isEqualTo("run-a");
        assertThat(report.terminated()).hasSize(1);
        assertThat(fleet.findLive("run-a", null)).isEmpty();
        assertThat(fleet.findLive("run-b", null)).hasSize(1);
    }

    @Test
    void timedOutExecution_withoutRunIdInItsInput_isFoundByItsName() {
        CleanupReport report = cleanup.cleanUp(event("run-b", "TIMED_OUT", "{\"suite\":{}}"));
        assertThat(report.terminated()).hasSize(1);
        assertThat(fleet.findLive("run-b", null)).isEmpty();
    }

    @Test
    void succeededOrRunningExecution_isLeftAlone() {
        assertThat(cleanup.cleanUp(event("run-a", "SUCCEEDED", "{}")).terminated()).isEmpty();
        assertThat(cleanup.cleanUp(event("run-a", "RUNNING", "{}")).terminated()).isEmpty();
        assertThat(fleet.findLive("run-a", null)).hasSize(1);
    }
}
