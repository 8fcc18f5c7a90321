package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.InstanceNotReadyException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Wait For Instance" backs off: short waits while an instance usually becomes ready, longer ones after. */
class InstanceServiceReadinessTest {
    private static final PlannedTarget TARGET = new PlannedTarget("arm", Architecture.ARM64, "c7g.large", Market.SPOT, null, null);

    private final FakeFleet fleet = new FakeFleet();
    private final FakeShell shell = new FakeShell();
    private final InstanceService service = new InstanceService(fleet, shell, new ImagePort() {
        @Override public String fingerprint(Architecture a) { return "fp"; }
        @Override public Optional<String> find(Architecture a, String f) { return Optional.of("ami-1"); }
        @Override public String startBuild(Architecture a, String f) { throw new AssertionError(); }
        @Override public BuildStatus buildStatus(String id) { throw new AssertionError(); }
    }, Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void waits_growFromAShortFirstCheck_toAThirtySecondCeiling_andEndWhenReady() {
        shell.ready = false;
        TargetState state = service.launch(TargetState.start("r1", Instant.parse("2026-12-07T14:00:00Z"), TARGET));
        List<Integer> waits = new ArrayList<>(List.of(state.waitSeconds()));
        for (int i = 0; i < 9; i++) {
            state = service.checkReady(state);
            waits.add(state.waitSeconds());
        }
        assertThat(waits).containsExactly(15, 5, 5, 10, 10, 20, 20, 30, 30, 30);

        shell.ready = true;
        TargetState ready = service.checkReady(state);
        assertThat(ready.ready()).isTrue();
        assertThat(ready.waitSeconds()).isNull();
        assertThat(ready.readyAt()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void theLoop_staysBounded_atAboutThirteenMinutes() {
        int total = 0;
        for (int check = 0; check < InstanceService.MAX_READY_CHECKS; check++) {
            total += InstanceService.waitBeforeCheck(check);
        }
        assertThat(total).isBetween(10 * 60, 15 * 60);

        shell.ready = false;
        TargetState state = service.launch(TargetState.start("r1", Instant.parse("2026-12-07T14:00:00Z"), TARGET))
                .toBuilder().checks(InstanceService.MAX_READY_CHECKS - 1).build();
        TargetState last = state;
        assertThatThrownBy(() -> service.checkReady(last)).isInstanceOf(InstanceNotReadyException.class)
                .hasMessageContaining("after " + InstanceService.MAX_READY_CHECKS + " checks");
    }
}
