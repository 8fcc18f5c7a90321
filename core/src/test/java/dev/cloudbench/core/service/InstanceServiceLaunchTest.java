package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.testing.FakeFleet;
import dev.cloudbench.core.testing.FakeShell;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceServiceLaunchTest {
    /** The run was planned at 12:00 with an hour per target: its deadline leaves two hours for image builds. */
    private static final Instant RUN_DEADLINE = Instant.parse("2026-11-27T15:00:00Z");
    private static final PlannedTarget TARGET = new PlannedTarget("arm", Architecture.ARM64, "c7g.large", Market.SPOT, null, 3600);
    private static final String EXECUTION = "arn:aws:states:eu-west-1:123456789012:execution:cb-benchmark:manual-1";

    private final FakeFleet fleet = new FakeFleet();

    private InstanceService at(String now) {
        ImagePort images = new ImagePort() {
            @Override public String fingerprint(Architecture a) { return "fp"; }
            @Override public Optional<String> find(Architecture a, String f) { return Optional.of("ami-1"); }
            @Override public String startBuild(Architecture a, String f) { throw new AssertionError(); }
            @Override public BuildStatus buildStatus(String id) { throw new AssertionError(); }
        };
        return new InstanceService(fleet, new FakeShell(), images, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void launch_countsTheTargetsTimeFromItsLaunch_notFromPlanning() {
        // An image build took 40 minutes after planning at 12:00.
        TargetState launched = at("2026-11-27T12:40:00.250Z").launch(TargetState.start("r1", RUN_DEADLINE, TARGET),
                EXECUTION);

        assertThat(launched.deadline()).isEqualTo(Instant.parse("2026-11-27T13:40:00Z"));
        assertThat(fleet.live.values()).singleElement().satisfies(spec -> {
            assertThat(spec.deadline()).isEqualTo(Instant.parse("2026-11-27T13:40:00Z"));
            assertThat(spec.executionArn()).isEqualTo(EXECUTION);
        });
    }

    @Test
    void launch_neverPassesTheDeadlineTheTargetArrivedWith() {
        // Queued behind other targets until late in the run: the run's deadline still holds.
        TargetState late = at("2026-11-27T14:30:00Z").launch(TargetState.start("r1", RUN_DEADLINE, TARGET), EXECUTION);
        assertThat(late.deadline()).isEqualTo(RUN_DEADLINE);

        // The on-demand retry after a reclaim keeps the first instance's deadline: the time is the target's, once.
        TargetState first = at("2026-11-27T12:00:00Z").launch(TargetState.start("r1", RUN_DEADLINE, TARGET), null);
        TargetState retry = at("2026-11-27T12:30:00Z").launch(first, null);
        assertThat(retry.deadline()).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
    }

    @Test
    void launch_ofAPlanWithoutTargetTime_keepsTheRunsDeadline() {
        PlannedTarget old = new PlannedTarget("arm", Architecture.ARM64, "c7g.large", Market.SPOT, null);

        TargetState launched = at("2026-11-27T12:40:00Z").launch(TargetState.start("r1", RUN_DEADLINE, old));

        assertThat(launched.deadline()).isEqualTo(RUN_DEADLINE);
        assertThat(fleet.live.values()).singleElement().satisfies(spec -> assertThat(spec.executionArn()).isNull());
    }

    @Test
    void launch_ofAReplica_asksTheFleetToStartAtItsZone_andTagsItWithItsOwnId() {
        PlannedTarget third = new PlannedTarget("arm-r3", Architecture.ARM64, "c7g.large", Market.SPOT, null, 3600,
                "arm", 3);

        at("2026-11-27T12:00:00Z").launch(TargetState.start("r1", RUN_DEADLINE, third), EXECUTION);
        at("2026-11-27T12:00:00Z").launch(TargetState.start("r1", RUN_DEADLINE, TARGET), EXECUTION);

        assertThat(fleet.live.values()).extracting(spec -> spec.targetId() + "@" + spec.replicaIndex())
                .containsExactly("arm-r3@2", "arm@0");
    }
}
