package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BenchmarkFailedException;
import dev.cloudbench.core.error.CommandTimedOutException;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.testing.FakeCapacity;
import dev.cloudbench.core.testing.FakeFleet;
import dev.cloudbench.core.testing.FakeShell;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.run.RunPlan;
import dev.cloudbench.core.run.TargetState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchmarkServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final FakeShell shell = new FakeShell();
    private final FakeFleet fleet = new FakeFleet();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TargetState state;

    @BeforeEach
    void planAndStart() {
        RunPlan plan = new PlanService(store, clock, () -> "abcd", FakeCapacity.usual()).plan(InputReader.request("""
                {"runId":"r1","suite":{"name":"s","benchmarks":[
                  {"name":"first","command":"true"},
                  {"name":"slow","command":"sleep 9","timeoutSeconds":3}]},
                 "targets":[{"architecture":"x86_64","instanceType":"c7i.large"}]}"""), null);
        TargetState launched = TargetState.start(plan.runId(), NOW.plusSeconds(3600), plan.targets().get(0))
                .toBuilder().instance(new LaunchedInstance("i-1", "spot", "zone-a", "ami-1", false, null, 0.0357))
                .ready(false).build(); // the target's deadline, as Launch Instance sets it
        fleet.live.put("i-1", new dev.cloudbench.core.port.LaunchSpec("r1", plan.targets().get(0).targetId(),
                "x86_64", "c7i.large", "spot", null, "ami-1", NOW.plusSeconds(3600), 0));
        state = service().start(launched);
    }

    private BenchmarkService service() {
        return new BenchmarkService(shell, fleet, store, clock);
    }

    private void progress(String json) {
        store.putText(store.inbox("i-1") + "progress.json", json);
    }

    @Test
    void start_sendsTheGeneratedScript_withEveryBenchmark() {
        assertThat(shell.scripts).hasSize(1);
        assertThat(shell.scripts.get(0)).contains("# Benchmark first", "# Benchmark slow", "timeout --kill-after=10 3 hyperfine");
        assertThat(state.commandId()).isEqualTo("cmd-1");
        assertThat(state.startedAt()).isEqualTo(NOW);
    }

    @Test
    void start_doesNotStartASecondCommand_whenRetriedAfterALostAnswer() {
        // Launched again on the same instance: what a retried Start Benchmark sees.
        TargetState again = service().start(TargetState.start(state.runId(), state.deadline(), state.target())
                .toBuilder().instance(state.instance()).ready(false).build());
        assertThat(shell.scripts).hasSize(1);
        assertThat(again.commandId()).isEqualTo(state.commandId());
    }

    @Test
    void check_reportsProgress_whileRunning() {
        progress("{\"state\":\"running\",\"completed\":1,\"total\":2,\"current\":\"slow\"}");
        TargetState checked = service().check(state);
        assertThat(checked.done()).isFalse();
        assertThat(checked.progress().current()).isEqualTo("slow");
        assertThat(checked.checks()).isEqualTo(1);
    }

    @Test
    void check_namesTheBenchmark_whenItExitsNonZero() {
        progress("{\"state\":\"failed\",\"completed\":0,\"total\":2,\"current\":\"first\",\"exitCode\":1}");
        shell.status = new CommandStatus(CommandStatus.State.FAILED, 1, "noise\ncloudbench: benchmark first failed with exit code 1\n");
        assertThatThrownBy(() -> service().check(state)).isInstanceOf(BenchmarkFailedException.class)
                .hasMessage("benchmark 'first' (1 of 2) failed with exit code 1: cloudbench: benchmark first failed with exit code 1");
    }

    @Test
    void check_namesTheBenchmarkAndItsLimit_whenItTimesOut() {
        progress("{\"state\":\"timed-out\",\"completed\":1,\"total\":2,\"current\":\"slow\",\"exitCode\":124}");
        shell.status = new CommandStatus(CommandStatus.State.FAILED, 124, "");
        assertThatThrownBy(() -> service().check(state)).isInstanceOf(CommandTimedOutException.class)
                .hasMessage("benchmark 'slow' exceeded its timeout of 3 s");
    }

    @Test
    void check_reportsSuiteTimeout_withTheBenchmarkInProgress() {
        progress("{\"state\":\"running\",\"completed\":1,\"total\":2,\"current\":\"slow\"}");
        shell.status = new CommandStatus(CommandStatus.State.TIMED_OUT, null, "");
        assertThatThrownBy(() -> service().check(state)).isInstanceOf(CommandTimedOutException.class)
                .hasMessage("suite timeout of 1800 s reached during benchmark 'slow' (2 of 2)");
    }

    @Test
    void check_failsAfterTheRunDeadline_evenWhileStillRunning() {
        clock = Clock.fixed(NOW.plusSeconds(3601), ZoneOffset.UTC);
        assertThatThrownBy(() -> service().check(state)).isInstanceOf(CommandTimedOutException.class)
                .hasMessageContaining("run deadline");
    }

    @Test
    void check_reportsInterruption_whenTheInstanceWentAway() {
        shell.status = new CommandStatus(CommandStatus.State.CANCELLED, null, "");
        fleet.status = new InstanceStatus(InstanceStatus.State.INTERRUPTED, "Server.SpotInstanceTermination");
        assertThatThrownBy(() -> service().check(state)).isInstanceOf(InstanceInterruptedException.class)
                .hasMessageContaining("Server.SpotInstanceTermination");
    }

    @Test
    void collect_refuses_whenABenchmarkLeftNoExport() {
        store.putText(StoreLayout.raw("r1", state.target().targetId(), "first"),
                "{\"results\":[{\"command\":\"true\",\"times\":[0.1,0.2]}]}");
        assertThatThrownBy(() -> service().collect(state)).isInstanceOf(ResultsMissingException.class)
                .hasMessageContaining("benchmark 'slow' left no result");
    }

    @Test
    void collect_writesEnvironment_fromWhatTheInstanceReported() {
        for (String b : new String[] {"first", "slow"}) {
            store.putText(StoreLayout.raw("r1", state.target().targetId(), b),
                    "{\"results\":[{\"command\":\"true\",\"times\":[0.1,0.2]}]}");
        }
        String env = StoreLayout.envPrefix("r1", state.target().targetId());
        store.putText(env + "lscpu.txt", "Architecture: x86_64\nModel name:   Intel(R) Xeon(R) Platinum 8488C\n");
        store.putText(env + "nproc.txt", "2\n");
        store.putText(env + "hyperfine.txt", "hyperfine 1.18.0\n");
        store.putText(env + "os-release.txt", "NAME=x\nPRETTY_NAME=\"Amazon Linux 2023\"\n");
        service().collect(state);
        String json = store.text(StoreLayout.environment("r1", state.target().targetId()));
        assertThat(json).contains("\"cpuModel\" : \"Intel(R) Xeon(R) Platinum 8488C\"", "\"cores\" : 2",
                "\"hyperfineVersion\" : \"1.18.0\"", "\"os\" : \"Amazon Linux 2023\"", "\"market\" : \"spot\"");
    }
}
