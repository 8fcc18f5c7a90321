package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.testing.FakeFleet;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.TaggedInstance;
import dev.cloudbench.core.run.SweepReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void sweep_terminatesOnlyTheExpiredAndTheOrphaned_sayingWhy() {
        FakeFleet fleet = new FakeFleet();
        fleet.tagged.add(new TaggedInstance("i-expired", TaggedInstance.BENCHMARK, "run-live", "t", NOW.minusSeconds(1)));
        fleet.tagged.add(new TaggedInstance("i-live", TaggedInstance.BENCHMARK, "run-live", "t", NOW.plusSeconds(600)));
        fleet.tagged.add(new TaggedInstance("i-orphan", TaggedInstance.BENCHMARK, "run-ended", "t", NOW.plusSeconds(600)));
        fleet.tagged.add(new TaggedInstance("i-packer-old", TaggedInstance.IMAGE_BUILD, null, null, NOW.minusSeconds(60)));
        fleet.tagged.add(new TaggedInstance("i-packer-new", TaggedInstance.IMAGE_BUILD, null, null, NOW.plusSeconds(60)));
        Set<String> running = Set.of("run-live");

        SweepReport report = new SweepService(fleet, running::contains, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(report.examined()).isEqualTo(5);
        assertThat(fleet.terminated).containsExactlyInAnyOrder("i-expired", "i-orphan", "i-packer-old");
        assertThat(report.swept()).extracting(SweepReport.Swept::reason).containsExactly(
                "deadline 2026-11-27T11:59:59Z passed",
                "execution of run run-ended is no longer running",
                "deadline 2026-11-27T11:59:00Z passed");
    }

    @Test
    void sweep_asksAboutEachRunOnce() {
        FakeFleet fleet = new FakeFleet();
        for (int i = 0; i < 3; i++) {
            fleet.tagged.add(new TaggedInstance("i-" + i, TaggedInstance.BENCHMARK, "r", "t" + i, NOW.plusSeconds(60)));
        }
        int[] asked = {0};
        new SweepService(fleet, run -> {
            asked[0]++;
            return true;
        }, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();
        assertThat(asked[0]).isEqualTo(1);
        assertThat(fleet.terminated).isEmpty();
    }

    @Test
    void sweep_judgesAnInstanceByTheExecutionItIsTaggedWith_whateverThatExecutionIsNamed() {
        String machine = "arn:aws:states:eu-west-1:123456789012:execution:cb-benchmark:";
        FakeFleet fleet = new FakeFleet();
        // Started by a raw StartExecution named "manual-1" whose request says runId "nightly".
        fleet.tagged.add(new TaggedInstance("i-live", TaggedInstance.BENCHMARK, "nightly", "t", NOW.plusSeconds(600),
                machine + "manual-1"));
        fleet.tagged.add(new TaggedInstance("i-ended", TaggedInstance.BENCHMARK, "other", "t", NOW.plusSeconds(600),
                machine + "manual-0"));
        // Launched before the execution tag: judged by the execution named after its run, as before.
        fleet.tagged.add(new TaggedInstance("i-old", TaggedInstance.BENCHMARK, "old-run", "t", NOW.plusSeconds(600)));
        ExecutionsPort executions = new ExecutionsPort() {
            @Override public boolean isRunning(String runId) { return runId.equals("old-run"); }
            @Override public boolean isExecutionRunning(String arn) { return arn.equals(machine + "manual-1"); }
        };

        SweepReport report = new SweepService(fleet, executions, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

        assertThat(fleet.terminated).containsExactly("i-ended");
        assertThat(report.swept()).extracting(SweepReport.Swept::reason)
                .containsExactly("execution " + machine + "manual-0 of run other is no longer running");
    }

    @Test
    void executionsNamedAfterTheirRuns_answerByTheArnsLastPart_byDefault() {
        ExecutionsPort byName = Set.of("run-1")::contains;

        assertThat(byName.isExecutionRunning("arn:aws:states:us-east-1:000000000000:execution:cloudbench-local:run-1"))
                .isTrue();
        assertThat(byName.isExecutionRunning("arn:aws:states:us-east-1:000000000000:execution:m:run-2")).isFalse();
    }
}
