package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.cli.engine.InstanceEvents;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.results.BenchmarkResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Wait For Benchmark" is a callback task: the command's end wakes it, with no polling; a lost
 * wake-up is picked up by its timeout, the safety net, and costs no result.
 */
class CallbackScenarioTest {
    private static final String SUITE = """
            {"name":"callback","warmup":0,"runs":2,"benchmarks":[{"name":"nap","command":"sleep 0.7"}]}""";

    @TempDir
    Path output;

    @Test
    void theCommandsEnd_wakesTheWaitingTask_whichChecksOnce() throws IOException {
        Scenario scenario = new Scenario(output);
        LocalRun.Outcome outcome = scenario.run(SUITE);

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(Collections.frequency(scenario.statesEntered(), "Wait For Benchmark")).isEqualTo(1);
        assertThat(Collections.frequency(scenario.statesEntered(), "Check Benchmark")).isEqualTo(1);
        assertThat(outcome.strays()).isEmpty();
    }

    @Test
    void aLostWakeUp_isPickedUpByTheTimeout_andNoResultIsLost() throws IOException {
        AtomicInteger dropped = new AtomicInteger();
        RequestStreamHandler losesEvents = (in, out, context) -> {
            in.readAllBytes();
            dropped.incrementAndGet();
        };
        Scenario scenario = new Scenario(output)
                // The safety net in seconds instead of an hour.
                .definition(d -> d.replace("\"TimeoutSeconds\": 3600", "\"TimeoutSeconds\": 1"))
                .tasks(tasks -> {
                    tasks.put(InstanceEvents.FUNCTION, losesEvents);
                    return tasks;
                });
        LocalRun.Outcome outcome = scenario.run(SUITE);

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(dropped.get()).as("the command's end was reported, and lost").isPositive();
        assertThat(Collections.frequency(scenario.statesEntered(), "Check Benchmark")).isGreaterThanOrEqualTo(1);
        assertThat(outcome.results()).hasValueSatisfying(r -> assertThat(r.targets()).singleElement()
                .satisfies(t -> assertThat(t.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("nap")));
        assertThat(outcome.liveAtEnd()).isEmpty();
        assertThat(outcome.strays()).isEmpty();
    }
}
