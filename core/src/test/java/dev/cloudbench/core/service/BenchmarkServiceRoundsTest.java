package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.testing.FakeCapacity;
import dev.cloudbench.core.testing.FakeFleet;
import dev.cloudbench.core.testing.FakeShell;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.run.RunPlan;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.testing.RoundExportsFixture;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkServiceRoundsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final InMemoryStore store = new InMemoryStore();
    private final FakeShell shell = new FakeShell();
    private final FakeFleet fleet = new FakeFleet();
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Suite suite;

    private TargetState started(String rounds) {
        RunPlan plan = new PlanService(store, clock, () -> "abcd", FakeCapacity.usual()).plan(InputReader.request("""
                {"runId":"r1","suite":{"name":"s","warmup":0,"runs":3,"benchmarks":[{"name":"hash","command":"sha256sum $F"}],
                  "variants":[{"name":"base","env":{"F":"a"}},{"name":"cand","env":{"F":"b"}}],"rounds":%s},
                 "targets":[{"architecture":"x86_64","instanceType":"c7i.large"}]}""".formatted(rounds)), null);
        suite = RunRecords.request(store, "r1").suite();
        TargetState launched = TargetState.start(plan.runId(), Instant.parse(plan.deadline()), plan.targets().get(0))
                .toBuilder().instance(new LaunchedInstance("i-1", "spot", "zone-a", "ami-1", false, null, 0.0357))
                .ready(false).build();
        return service().start(launched);
    }

    private BenchmarkService service() {
        return new BenchmarkService(shell, fleet, store, clock, Bootstrap.seeded(3));
    }

    private String targetId(TargetState s) {
        return s.target().targetId();
    }

    private RoundsRecord record(TargetState s) {
        return Json.read(store.get(StoreLayout.rounds("r1", targetId(s))).orElseThrow(), RoundsRecord.class);
    }

    @Test
    void start_runsTheFirstRounds_andRemembersTheLastOne() {
        TargetState s = started("{\"min\":10,\"max\":30}");

        assertThat(s.rounds()).isEqualTo(10);
        assertThat(s.moreRoundsWanted()).isFalse();
        assertThat(shell.scripts.get(0)).contains("rounds 1-10 of at most 30", "# Round 10\n").doesNotContain("# Round 11\n");
    }

    @Test
    void collect_stopsAtTheFirstLook_whenEveryComparisonIsSettled() {
        TargetState s = started("{\"min\":10,\"max\":30}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 10, Map.of("cand", 1.10), 0.01, 1);

        TargetState collected = service().collect(s);

        assertThat(collected.moreRoundsWanted()).isFalse();
        RoundsRecord record = record(s);
        assertThat(record.looks()).containsExactly(10);
        assertThat(record.stoppedBecause()).isEqualTo(RoundsRecord.SETTLED);
        assertThat(record.variants()).containsExactly("base", "cand");
        assertThat(store.get(StoreLayout.environment("r1", targetId(s)))).isPresent();
    }

    @Test
    void collect_asksForMoreRounds_whileUnsettled_andStartMeasuresTheNextOnTheSameInstance() {
        TargetState s = started("{\"min\":10,\"max\":30}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 10, Map.of("cand", 1.006), 0.08, 2);

        TargetState collected = service().collect(s);
        assertThat(collected.moreRoundsWanted()).as("a 0.6%% change in 8%% noise after 10 rounds is not settled").isTrue();
        assertThat(record(s).stoppedBecause()).isNull();

        TargetState more = service().start(collected);
        assertThat(shell.scripts).hasSize(2);
        assertThat(shell.scripts.get(1)).contains("rounds 11-20 of at most 30", "CB_DONE=10\n", "# Round 11\n",
                "# Round 20\n").doesNotContain("progress setup setup", "git init");
        assertThat(more.rounds()).isEqualTo(20);
        assertThat(more.moreRoundsWanted()).isFalse();
        assertThat(more.startedAt()).as("the benchmark started with the first command").isEqualTo(s.startedAt());
        assertThat(store.get(StoreLayout.commandFromRound("r1", targetId(s), 11))).isPresent();

        TargetState retried = service().start(collected);
        assertThat(shell.scripts).as("a retried start finds its command").hasSize(2);
        assertThat(retried.commandId()).isEqualTo(more.commandId());
    }

    @Test
    void collect_stopsAtTheRoundBudget_andSaysSo() {
        TargetState s = started("{\"min\":10,\"max\":10}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 10, Map.of("cand", 1.006), 0.08, 2);

        assertThat(service().collect(s).moreRoundsWanted()).isFalse();
        assertThat(record(s).stoppedBecause()).isEqualTo(RoundsRecord.ROUND_BUDGET);
    }

    @Test
    void collect_stopsWhenTheScriptUsedTheTimeBudget_withTheRoundsItMeasured() {
        TargetState s = started("{\"min\":10,\"max\":30,\"maxSeconds\":5}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 7, Map.of("cand", 1.006), 0.08, 2);
        store.put(StoreLayout.roundsStopped("r1", targetId(s)), "time budget of 5 s used after 7 rounds\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(service().collect(s).moreRoundsWanted()).isFalse();
        assertThat(record(s).stoppedBecause()).isEqualTo(RoundsRecord.TIME_BUDGET);
        assertThat(record(s).completed()).isEqualTo(7);
    }

    @Test
    void collect_stopsWhenTheSuiteTimeoutLeavesNoRoom() {
        TargetState s = started("{\"min\":10,\"max\":30}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 10, Map.of("cand", 1.006), 0.08, 2);
        clock = Clock.fixed(NOW.plusSeconds(suite.effectiveTimeoutSeconds()), ZoneOffset.UTC);

        assertThat(service().collect(s).moreRoundsWanted()).isFalse();
        assertThat(record(s).stoppedBecause()).isEqualTo(RoundsRecord.SUITE_TIMEOUT);
    }

    @Test
    void collect_refuses_whenARoundLeftNoExport_namingIt() {
        TargetState s = started("{\"min\":10,\"max\":30}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 9, Map.of(), 0.01, 2);

        assertThatThrownBy(() -> service().collect(s)).isInstanceOf(ResultsMissingException.class)
                .hasMessage("the rounds ended after round 9 of 10 without a reason: an export is missing");
    }

    @Test
    void collect_isTheSame_whenRetried() {
        TargetState s = started("{\"min\":10,\"max\":30}");
        RoundExportsFixture.write(store, suite, "r1", targetId(s), 1, 10, Map.of("cand", 1.006), 0.08, 2);

        TargetState first = service().collect(s);
        RoundsRecord once = record(s);
        TargetState again = service().collect(s);

        assertThat(again.moreRoundsWanted()).isEqualTo(first.moreRoundsWanted());
        assertThat(record(s)).isEqualTo(once);
    }
}
