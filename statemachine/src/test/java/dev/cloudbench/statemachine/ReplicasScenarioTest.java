package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ForwardingFleet;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An A/B suite on one local target × 3 replicas, each replica its own item of the Map and its own
 * instance: the instance of the second replica dies after its first round. The others' results,
 * their own verdicts and the pooled verdict survive, and no instance is left.
 */
class ReplicasScenarioTest {
    @TempDir
    Path output;

    /** This host as the fleet; the instance of target {@code victim} is terminated once it measured a round. */
    static final class FailingReplicaFleet extends ForwardingFleet {
        final FleetPort local;
        final Path store;
        final String victim;
        final Set<String> killed = ConcurrentHashMap.newKeySet();

        FailingReplicaFleet(FleetPort local, Path store, String victim) {
            super(local);
            this.local = local;
            this.store = store;
            this.victim = victim;
        }

        @Override
        public LaunchedInstance launch(LaunchSpec spec) {
            LaunchedInstance i = local.launch(spec);
            if (spec.targetId().equals(victim)) {
                Thread kill = new Thread(() -> killAfterFirstRound(i.instanceId()), "replica-fault");
                kill.setDaemon(true);
                kill.start();
            }
            return i;
        }

        private void killAfterFirstRound(String instanceId) {
            Path raw = store.resolve("inbox/local:" + instanceId + "/raw/nap");
            if (!Scenario.poll(() -> Scenario.hasEntries(raw), 1500)) {
                return;
            }
            killed.add(instanceId);
            local.terminate(List.of(instanceId));
        }

        @Override
        public InstanceStatus describe(String instanceId) {
            return killed.contains(instanceId) ? new InstanceStatus(InstanceStatus.State.TERMINATED, "injected fault")
                    : local.describe(instanceId);
        }
    }

    @Test
    void aFailedReplica_losesNeitherTheOthersResults_norThePooledVerdict_andLeavesNoInstance() throws IOException {
        FailingReplicaFleet[] fleet = new FailingReplicaFleet[1];
        Scenario scenario = new Scenario(output).ports(p -> {
            fleet[0] = new FailingReplicaFleet(p.fleet(), output, "local-r2");
            return p.withFleet(fleet[0]);
        });
        var suite = InputReader.suiteJson("""
                {"name":"ab-replicas","warmup":0,"runs":2,
                 "benchmarks":[{"name":"nap","command":"sleep \\"$NAP\\""}],
                 "variants":[{"name":"short","env":{"NAP":"0.05"}},{"name":"long","env":{"NAP":"0.1"}}],
                 "rounds":{"min":5,"max":5},"canary":{"excludeNoisy":false}}""");
        // This shared host may well be a noisy host by the canary: the suite keeps noisy hosts, the verdicts being
        // what this test is about.

        LocalRun.Outcome outcome = scenario.run(LocalRun.request(suite, 3, Clock.systemUTC()));

        assertThat(fleet[0].killed).hasSize(1);
        RunResults results = outcome.results().orElseThrow();
        assertThat(results.targets()).extracting(TargetResult::targetId)
                .containsExactly("local-r1", "local-r2", "local-r3");
        assertThat(results.targets()).extracting(TargetResult::replicaOf).containsOnly("local");
        assertThat(results.targets()).extracting(TargetResult::replica).containsExactly(1, 2, 3);
        assertThat(results.targets()).extracting(TargetResult::status)
                .containsExactly("succeeded", "failed", "succeeded");
        for (TargetResult ok : List.of(results.targets().get(0), results.targets().get(2))) {
            assertThat(ok.variantComparisons()).singleElement()
                    .satisfies(c -> assertThat(c.rounds()).isEqualTo(5));
            assertThat(ok.environment().instanceId()).isNotBlank();
        }
        assertThat(results.pooledComparisons()).singleElement().satisfies((PooledComparison p) -> {
            assertThat(p.target()).isEqualTo("local");
            assertThat(p.instances()).containsExactly("local-r1", "local-r3");
            assertThat(p.comparison().rounds()).isEqualTo(10);
            assertThat(p.comparison().verdict()).as(p.comparison().reason() + "; ratio " + p.comparison().ratio()
                    + ", noise " + p.comparison().noise()).isEqualTo("slower");
        });
        assertThat(outcome.runDir().resolve("report.md")).content().contains("## Replicas",
                "### Verdicts pooled over replicas", "### Where each replica ran", "| local | local-r2 |");
        assertThat(outcome.liveAtEnd()).isEmpty();
        assertThat(outcome.strays()).isEmpty();
        assertThat(Scenario.workDirsLeft(outcome.hostsRoot())).isFalse();
    }
}
