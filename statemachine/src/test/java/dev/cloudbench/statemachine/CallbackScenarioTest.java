package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.cli.engine.InstanceEvents;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Limits;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.statemachine.SpotReclaimScenarioTest.ReclaimingFleet;
import dev.cloudbench.statemachine.SpotReclaimScenarioTest.StillInProgressShell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
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

    @Test
    void aLostInstance_whoseEventsAreLostToo_isFoundByTheSafetyNet_retriedOnDemand_andNothingIsLeft()
            throws IOException {
        // The spot instance goes away mid-suite, SSM keeps saying InProgress, and neither the command's
        // end nor EC2's events reach the waiting task: only the timeout is left to notice.
        AtomicInteger dropped = new AtomicInteger();
        ReclaimingFleet[] fleet = new ReclaimingFleet[1];
        Scenario scenario = new Scenario(output)
                .definition(d -> d.replace("\"TimeoutSeconds\": 3600", "\"TimeoutSeconds\": 1"))
                .ports(p -> {
                    fleet[0] = new ReclaimingFleet(p.fleet(), output);
                    return new Ports(p.images(), fleet[0], new StillInProgressShell(p.shell(), fleet[0]), p.store(),
                            p.executions(), p.clock(), p.randomSuffix(), p.capacity());
                })
                .tasks(tasks -> {
                    tasks.put(InstanceEvents.FUNCTION, (in, out, context) -> {
                        in.readAllBytes();
                        dropped.incrementAndGet();
                    });
                    return tasks;
                });
        RunRequest request = new RunRequest("lost-instance-run", InputReader.suiteJson("""
                {"name":"lost","warmup":0,"runs":2,
                 "benchmarks":[{"name":"first","command":"true"},{"name":"second","command":"sleep 0.4"},
                               {"name":"third","command":"true"}]}"""),
                List.of(new Target("local", Architecture.ofHost().id(), "local", "spot-or-on-demand", null)),
                new Limits(3600, 1));

        LocalRun.Outcome outcome = scenario.run(request);

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(fleet[0].launches).extracting(LaunchSpec::market).containsExactly("spot-or-on-demand", "on-demand");
        assertThat(scenario.statesEntered()).containsSubsequence("Wait For Benchmark", "Check Benchmark",
                "Reclaimed During Benchmark?", "Retry On Demand", "Launch Instance");
        TargetResult target = outcome.results().orElseThrow().targets().get(0);
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("first", "second", "third");
        assertThat(target.interruption().benchmarks()).containsExactly("first");
        assertThat(outcome.liveAtEnd()).isEmpty();
        assertThat(outcome.strays()).isEmpty();
    }
}
