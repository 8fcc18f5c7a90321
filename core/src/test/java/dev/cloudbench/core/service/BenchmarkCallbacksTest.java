package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.testing.FakeShell;
import dev.cloudbench.core.testing.InMemoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkCallbacksTest {
    private final FakeShell shell = new FakeShell();
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> answered = new ArrayList<>();
    private final Set<String> waiting = new java.util.HashSet<>();
    private final ExecutionsPort executions = new ExecutionsPort() {
        @Override
        public boolean isRunning(String runId) {
            return true;
        }

        @Override
        public boolean sendTaskSuccess(String taskToken, String output) {
            answered.add(taskToken);
            return waiting.remove(taskToken);
        }
    };
    private final BenchmarkCallbacks callbacks = new BenchmarkCallbacks(shell, store, executions);

    private static TargetState started(String instanceId) {
        return TargetState.start("run-1", Instant.parse("2030-01-01T00:00:00Z"),
                        new PlannedTarget("t1", Architecture.X86_64, "c7i.large", Market.SPOT, null, null))
                .toBuilder()
                .instance(new LaunchedInstance(instanceId, "spot", "us-east-1a", "ami-1", false, null, null))
                .ready(false)
                .command("cmd-1").startedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .build();
    }

    @Test
    void await_keepsTheTokenWhereTheEventFindsIt_andWaitsWhileTheCommandRuns() {
        waiting.add("token-1");
        assertThat(callbacks.await(started("i-0123456789abcdef0"), "token-1")).isFalse();
        assertThat(store.text(StoreLayout.callback("i-0123456789abcdef0"))).contains("token-1", "cmd-1");
        assertThat(answered).isEmpty();

        assertThat(callbacks.wake("i-0123456789abcdef0")).isTrue();
        assertThat(answered).containsExactly("token-1");
    }

    @Test
    void await_wakesAtOnce_whenTheCommandEndedBeforeTheTokenWasKept() {
        waiting.add("token-1");
        shell.status = new CommandStatus(CommandStatus.State.SUCCEEDED, 0, "");
        assertThat(callbacks.await(started("i-0123456789abcdef0"), "token-1")).isTrue();
        assertThat(answered).containsExactly("token-1");
    }

    @Test
    void wake_withoutAWaitingTask_answersNobody_andALateEventIsNoError() {
        assertThat(callbacks.wake("i-0123456789abcdef0")).isFalse();
        assertThat(answered).isEmpty();
        callbacks.await(started("i-0123456789abcdef0"), "token-old");
        assertThat(callbacks.wake("i-0123456789abcdef0")).isFalse();
    }

    @Test
    void badInput_isRefusedBeforeAnythingIsKept() {
        assertThatThrownBy(() -> callbacks.wake("../runs/x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not an instance id");
        assertThatThrownBy(() -> callbacks.await(started("i-0123456789abcdef0"), " "))
                .isInstanceOf(BadInputException.class);
        assertThat(store.list("callbacks/")).isEmpty();
    }
}
