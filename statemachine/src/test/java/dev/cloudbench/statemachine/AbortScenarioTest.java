package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.engine.Abort;
import dev.cloudbench.cli.local.LocalRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped execution runs no Catch: only the execution-status cleanup (the EventBridge rule in
 * AWS) ends its instances.
 */
class AbortScenarioTest {
    @TempDir
    Path output;

    @Test
    void executionStoppedWhileWaitingForTheBenchmarksCallback_isCleanedUpByTheStatusChangeEvent() throws IOException {
        String marker = "sleep 31.97";
        Abort abort = new Abort();
        Scenario scenario = new Scenario(output).abort(abort).onEvent(e -> {
            if ("StateEntered".equals(e.type()) && "Wait For Benchmark".equals(e.state())) {
                // The benchmark runs and its task waits for the callback: stop the execution then.
                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(abort::request);
            }
        });
        LocalRun.Outcome outcome = scenario.run("""
                {"name":"stopped","warmup":0,"runs":2,"benchmarks":[{"name":"long","command":"%s"}]}""".formatted(marker));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("States.Aborted");
        assertThat(scenario.statesEntered()).doesNotContain("Terminate After Failure", "Clean Up Run");
        assertThat(outcome.liveAtEnd()).as("a stop leaves the instance running").hasSize(1);
        assertThat(outcome.cleanedUp()).as("the status-change cleanup ended it").isEqualTo(outcome.liveAtEnd());
        assertThat(outcome.strays()).isEmpty();
        assertThat(Scenario.processesMatching(marker)).isEmpty();
        assertThat(Scenario.workDirsLeft(outcome.hostsRoot())).isFalse();
    }
}
