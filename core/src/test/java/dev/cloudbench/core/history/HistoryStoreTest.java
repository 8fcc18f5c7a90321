package dev.cloudbench.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replicas join one series; a noisy host's points are kept, marked, and not tested for steps. */
class HistoryStoreTest {
    private static final Suite SUITE = new Suite("nightly", null, null, List.of(), 1, 10, 300,
            List.of(new Benchmark("sort", "sort x", null, null, null, null)));
    private static final String STARTED = "2026-03-01T02:01:00Z";

    private final InMemoryStore store = new InMemoryStore();

    private static BenchmarkResult sort(long seed, double median, Metric metric) {
        double[] times = Samples.normal(seed, 10, median, median * 0.01);
        return new BenchmarkResult("sort", "sort x", null, 10, Statistics.of(times),
                Bootstrap.standard().median(times), null, times, null, null, null, null, null, null, null,
                metric == Metric.WALL_TIME ? null : metric.id());
    }

    private static Environment environment(boolean noisy) {
        Environment e = new Environment("x86_64", "c7i.large", "spot", null, null, null, null, 2, null, null, null,
                "c01", null, null, null, STARTED, STARTED);
        return noisy ? e.withCanary(new Canary(List.of(), 0, true, "cpu drifted +25 %", true, null)) : e;
    }

    private static TargetResult target(String id, String replicaOf, Integer replica, boolean noisy,
                                       BenchmarkResult... benchmarks) {
        return new TargetResult(id, "x86_64", "c7i.large", "spot", "succeeded", null, environment(noisy),
                List.of(benchmarks), List.of(), null, null, null, List.of(), null, null, replicaOf, replica);
    }

    private List<HistoryEntry> append(String runId, TargetResult... targets) {
        RunRequest request = new RunRequest(runId, SUITE, List.of(new Target("x86", "x86_64", "c7i.large", "spot", null)),
                null);
        return new HistoryStore(store).append(request, new RunResults(RunResults.SCHEMA, runId, "nightly", "succeeded",
                STARTED, List.of(targets)));
    }

    @Test
    void theReplicasOfATarget_makeOnePointUnderItsId_theMedianOfTheirMedians_withAnIntervalOverInstances() {
        List<HistoryEntry> entries = append("run-1",
                target("x86-r1", "x86", 1, false, sort(1, 0.100, Metric.WALL_TIME)),
                target("x86-r2", "x86", 2, false, sort(2, 0.110, Metric.WALL_TIME)),
                target("x86-r3", "x86", 3, false, sort(3, 0.130, Metric.WALL_TIME)));

        assertThat(store.list(StoreLayout.history("nightly"))).containsExactly("suites/nightly/history/x86/run-1.json");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo("x86");
            assertThat(e.instances()).isEqualTo(3);
            assertThat(e.median()).isBetween(0.109, 0.111);
            // Instances resampled: the interval spans the instances' spread, far wider than one instance's runs.
            assertThat(e.interval().low()).isLessThan(0.105);
            assertThat(e.interval().high()).isGreaterThan(0.12);
            assertThat(e.leftOut()).isFalse();
        });
        assertThat(new HistoryStore(store).read("nightly")).hasSize(1);
    }

    @Test
    void aNoisyReplica_isLeftOutOfThePooledPoint_andANoisyHostsWallTimeIsMarked_butNotItsInstructionCounts() {
        List<HistoryEntry> pooled = append("run-1",
                target("x86-r1", "x86", 1, false, sort(1, 0.100, Metric.WALL_TIME)),
                target("x86-r2", "x86", 2, true, sort(2, 0.300, Metric.WALL_TIME)),
                target("x86-r3", "x86", 3, false, sort(3, 0.102, Metric.WALL_TIME)));
        assertThat(pooled).singleElement().satisfies(e -> {
            assertThat(e.instances()).isEqualTo(2);
            assertThat(e.median()).isBetween(0.099, 0.103);
        });

        List<HistoryEntry> single = append("run-2", target("arm", null, null, true,
                sort(4, 0.100, Metric.WALL_TIME), sort(5, 3.6e7, Metric.INSTRUCTIONS)));
        assertThat(single).extracting(HistoryEntry::metric, HistoryEntry::noisyHost).containsExactly(
                org.assertj.core.groups.Tuple.tuple("wall-time", true),
                org.assertj.core.groups.Tuple.tuple("instructions", null));
    }

    @Test
    void aStepMeasuredOnlyOnNoisyHosts_isNoChangePoint_whileTheSameStepOnQuietHostsIs() {
        ChangePointDetector detector = new ChangePointDetector(ChangePointOptions.DEFAULT);
        List<HistoryEntry> noisyStep = new ArrayList<>();
        List<HistoryEntry> quietStep = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            boolean after = n >= 6;
            double median = after ? 0.150 : 0.100 + (n % 2) * 0.0005;
            noisyStep.add(point(n, median, after ? Boolean.TRUE : null));
            quietStep.add(point(n, median, null));
        }

        assertThat(Series.of(noisyStep.get(0).key(), noisyStep, detector).changePoints()).isEmpty();
        assertThat(Series.of(quietStep.get(0).key(), quietStep, detector).changePoints()).singleElement()
                .satisfies(p -> assertThat(p.index()).isEqualTo(6));
    }

    private static HistoryEntry point(int n, double median, Boolean noisy) {
        return new HistoryEntry(String.format("2026-03-%02dT02:00:00Z", n + 1), "run-" + n, "x86", "x86_64",
                "c7i.large", "spot", "sort", null, null, "wall-time", "c" + n, null, median, null, null, noisy);
    }
}
