package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Limits;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ForwardingFleet;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.functions.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spot instance reclaimed in the middle of a suite: the target is retried once on on-demand of
 * the same type, what the lost instance measured is kept and marked, and both instances end.
 */
class SpotReclaimScenarioTest {
    @TempDir
    Path output;

    /** This host as a spot fleet whose first instance is reclaimed once its first result exists. */
    static final class ReclaimingFleet extends ForwardingFleet {
        final FleetPort local;
        final Path store;
        final List<LaunchSpec> launches = new CopyOnWriteArrayList<>();
        final Set<String> reclaimed = ConcurrentHashMap.newKeySet();

        ReclaimingFleet(FleetPort local, Path store) {
            super(local);
            this.local = local;
            this.store = store;
        }

        @Override
        public LaunchedInstance launch(LaunchSpec spec) {
            launches.add(spec);
            LaunchedInstance i = local.launch(spec);
            boolean spot = !spec.market().equals("on-demand");
            if (spot) {
                Thread reclaim = new Thread(() -> reclaimAfterFirstResult(spec, i.instanceId()), "spot-reclaim");
                reclaim.setDaemon(true);
                reclaim.start();
            }
            return new LaunchedInstance(i.instanceId(), spot ? "spot" : "on-demand", "localhost-a", i.imageId(),
                    i.reused(), i.launchedAt(), spot ? 0.01 : 0.03);
        }

        private void reclaimAfterFirstResult(LaunchSpec spec, String instanceId) {
            // The script uploads into the instance's inbox; the run's keys fill when a task copies it.
            Path first = store.resolve("inbox/local:" + instanceId + "/raw/first.json");
            if (!Scenario.poll(() -> Files.exists(first), 600)) {
                return;
            }
            reclaimed.add(instanceId);
            local.terminate(List.of(instanceId));
        }

        @Override
        public InstanceStatus describe(String instanceId) {
            return reclaimed.contains(instanceId)
                    ? new InstanceStatus(InstanceStatus.State.INTERRUPTED, "Server.SpotInstanceTermination")
                    : local.describe(instanceId);
        }
    }

    /**
     * SSM as it behaves after a reclaim: the command of a reclaimed instance stays InProgress (the
     * agent that would report its end is gone). Counts the checks that still asked it.
     */
    static final class StillInProgressShell implements RemoteShellPort {
        final RemoteShellPort local;
        final ReclaimingFleet fleet;
        final AtomicInteger checksAfterReclaim = new AtomicInteger();

        StillInProgressShell(RemoteShellPort local, ReclaimingFleet fleet) {
            this.local = local;
            this.fleet = fleet;
        }

        @Override
        public boolean isReady(String instanceId) {
            return local.isReady(instanceId);
        }

        @Override
        public String start(String instanceId, String script, int timeoutSeconds, String logPrefix) {
            return local.start(instanceId, script, timeoutSeconds, logPrefix);
        }

        @Override
        public CommandStatus status(String instanceId, String commandId) {
            if (fleet.reclaimed.contains(instanceId)) {
                checksAfterReclaim.incrementAndGet();
                return new CommandStatus(CommandStatus.State.RUNNING, null, "");
            }
            return local.status(instanceId, commandId);
        }
    }

    @Test
    void reclaimWhileSsmStillSaysInProgress_isSeenFromTheInstanceState_andRetriedOnDemandWithinOneCheck()
            throws IOException {
        ReclaimingFleet[] fleet = new ReclaimingFleet[1];
        StillInProgressShell[] shell = new StillInProgressShell[1];
        Scenario scenario = new Scenario(output).ports(p -> {
            fleet[0] = new ReclaimingFleet(p.fleet(), output);
            shell[0] = new StillInProgressShell(p.shell(), fleet[0]);
            return new Ports(p.images(), fleet[0], shell[0], p.store(), p.executions(), p.clock(), p.randomSuffix(), p.capacity());
        });
        var suite = InputReader.suiteJson("""
                {"name":"reclaim","warmup":0,"runs":2,
                 "benchmarks":[{"name":"first","command":"true"},{"name":"second","command":"sleep 0.4"},
                               {"name":"third","command":"true"}]}""");
        RunRequest request = new RunRequest("in-progress-run", suite,
                List.of(new Target("local", Architecture.ofHost().id(), "local", "spot-or-on-demand", null)),
                new Limits(3600, 1));

        LocalRun.Outcome outcome = scenario.run(request);

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(shell[0].checksAfterReclaim).as("checks that asked SSM after the reclaim").hasValue(1);
        assertThat(fleet[0].launches).extracting(LaunchSpec::market).containsExactly("spot-or-on-demand", "on-demand");
        assertThat(scenario.statesEntered()).containsSubsequence("Check Benchmark", "Reclaimed During Benchmark?",
                "Retry On Demand", "Launch Instance");
        TargetResult target = outcome.results().orElseThrow().targets().get(0);
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("first", "second", "third");
        assertThat(target.interruption().benchmarks()).containsExactly("first");
    }

    @Test
    void reclaimedSpotInstance_isReplacedOnDemand_keepingAndMarkingWhatItMeasured() throws IOException {
        ReclaimingFleet[] fleet = new ReclaimingFleet[1];
        Scenario scenario = new Scenario(output).ports(p -> {
            fleet[0] = new ReclaimingFleet(p.fleet(), output);
            return p.withFleet(fleet[0]);
        });
        var suite = InputReader.suiteJson("""
                {"name":"reclaim","warmup":0,"runs":2,
                 "benchmarks":[{"name":"first","command":"true"},{"name":"second","command":"sleep 0.4"},
                               {"name":"third","command":"true"}]}""");
        RunRequest request = new RunRequest("reclaim-run", suite,
                List.of(new Target("local", Architecture.ofHost().id(), "local", "spot-or-on-demand", null)),
                new Limits(3600, 1));

        LocalRun.Outcome outcome = scenario.run(request);

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(fleet[0].launches).extracting(LaunchSpec::market, LaunchSpec::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("spot-or-on-demand", 0),
                        org.assertj.core.groups.Tuple.tuple("on-demand", 1));
        assertThat(scenario.statesEntered()).containsSubsequence("Check Benchmark", "Reclaimed During Benchmark?",
                "Retry On Demand", "Launch Instance", "Start Benchmark", "Collect Results", "Terminate Instance");
        TargetResult target = outcome.results().orElseThrow().targets().get(0);
        assertThat(target.status()).isEqualTo("succeeded");
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark)
                .containsExactly("first", "second", "third");
        assertThat(target.interruption()).isNotNull();
        assertThat(target.interruption().benchmarks()).containsExactly("first");
        assertThat(target.environment().market()).isEqualTo("on-demand");
        assertThat(outcome.runDir().resolve("report.md")).content()
                .contains("was reclaimed during the run", "Measured on the interrupted instance: first");
        assertThat(outcome.liveAtEnd()).isEmpty();
        assertThat(outcome.strays()).isEmpty();
    }

    @Test
    void spotOnlyTarget_isNotRetried_andFailsNamingTheReclaim() throws IOException {
        Scenario scenario = new Scenario(output).ports(p -> p.withFleet(new ReclaimingFleet(p.fleet(), output)));
        var suite = InputReader.suiteJson("""
                {"name":"reclaim","warmup":0,"runs":2,
                 "benchmarks":[{"name":"first","command":"true"},{"name":"second","command":"sleep 0.4"}]}""");
        RunRequest request = new RunRequest("spot-only-run", suite,
                List.of(new Target("local", Architecture.ofHost().id(), "local", "spot", null)), new Limits(3600, 1));

        LocalRun.Outcome outcome = scenario.run(request);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cause()).contains("Server.SpotInstanceTermination");
        assertThat(scenario.statesEntered()).doesNotContain("Retry On Demand");
        assertThat(outcome.results().orElseThrow().targets().get(0).benchmarks()).extracting(BenchmarkResult::benchmark)
                .containsExactly("first");
        assertThat(outcome.liveAtEnd()).isEmpty();
    }
}
