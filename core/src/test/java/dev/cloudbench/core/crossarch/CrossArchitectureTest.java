package dev.cloudbench.core.crossarch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossArchitectureTest {
    private static final Bootstrap BOOTSTRAP = Bootstrap.standard();

    private static BenchmarkResult result(String name, double scale) {
        double[] times = Arrays.stream(new double[] {1.00, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1.00}).map(t -> t * scale)
                .toArray();
        return new BenchmarkResult(name, "run " + name, null, 8, Statistics.of(times), BOOTSTRAP.median(times), null,
                times, null, null, null, null);
    }

    private static TargetResult target(String id, String arch, String type, Double price, BenchmarkResult... results) {
        Environment env = new Environment(arch, type, "on-demand", null, null, null, null, null, null, null, null, null,
                null, price, price == null ? null : "on-demand price at launch", null, null);
        return new TargetResult(id, arch, type, "on-demand", "succeeded", null, env, List.of(results), null, null, null);
    }

    private static RunResults run(TargetResult... targets) {
        return new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-01T00:00:00Z", List.of(targets));
    }

    @Test
    void oneInstanceEach_givesTheRatioOfMedians_withAnIntervalFromRuns_andPerDollarAtTheLaunchPrices() {
        RunResults run = run(target("x", "x86_64", "c7i.large", 0.08925, result("evm", 2.0), result("only-x86", 1)),
                target("a", "arm64", "c7g.large", 0.0725, result("evm", 1.5)));

        List<CrossArchitecture.Row> rows = CrossArchitecture.of(run, BOOTSTRAP);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.benchmark()).isEqualTo("evm");
            assertThat(r.ratio()).isCloseTo(0.75, within(1e-9));
            assertThat(r.basis()).isEqualTo(CrossArchitecture.Basis.RUNS);
            assertThat(r.interval().contains(0.75)).isTrue();
            assertThat(r.costRatio()).isCloseTo(0.75 * 0.0725 / 0.08925, within(1e-9));
            assertThat(r.costInterval().low()).isCloseTo(r.interval().low() * 0.0725 / 0.08925, within(1e-9));
            assertThat(r.armInstances()).isEqualTo(1);
            assertThat(r.x86Instances()).isEqualTo(1);
        });
    }

    @Test
    void replicas_makeTheInstanceTheUnit() {
        List<TargetResult> targets = new ArrayList<>();
        double[] x86 = {2.0, 2.1, 1.9};
        double[] arm = {1.5, 1.6, 1.4};
        for (int i = 0; i < 3; i++) {
            targets.add(target("x" + i, "x86_64", "c7i.large", 0.08925, result("evm", x86[i])));
            targets.add(target("a" + i, "arm64", "c7g.large", 0.0725, result("evm", arm[i])));
        }

        CrossArchitecture.Row row = CrossArchitecture.of(run(targets.toArray(TargetResult[]::new)), BOOTSTRAP).get(0);

        assertThat(row.basis()).isEqualTo(CrossArchitecture.Basis.INSTANCES);
        assertThat(row.armInstances()).isEqualTo(3);
        assertThat(row.ratio()).isCloseTo(1.5 / 2.0, within(1e-9));
        // Resampling three instance medians a side: the interval spans what the instances disagree by.
        assertThat(row.interval().low()).isLessThan(0.75).isGreaterThanOrEqualTo(1.4 / 2.1 - 1e-9);
        assertThat(row.interval().high()).isGreaterThan(0.75).isLessThanOrEqualTo(1.6 / 1.9 + 1e-9);
    }

    @Test
    void noPriceRecordedAtLaunch_noPerDollarRatio() {
        RunResults run = run(target("x", "x86_64", "c7i.large", null, result("evm", 2)),
                target("a", "arm64", "c7g.large", 0.0725, result("evm", 1)));

        CrossArchitecture.Row row = CrossArchitecture.of(run, BOOTSTRAP).get(0);

        assertThat(row.costRatio()).isNull();
        assertThat(row.costInterval()).isNull();
    }

    @Test
    void oneArchitectureOnly_noRows() {
        assertThat(CrossArchitecture.of(run(target("x", "x86_64", "c7i.large", 0.1, result("evm", 2))), BOOTSTRAP))
                .isEmpty();
    }

    @Test
    void variantsAndInstanceTypes_areComparedPairByPair() {
        BenchmarkResult base = result("evm", 2);
        BenchmarkResult cand = result("evm", 2.2);
        RunResults run = run(
                target("x", "x86_64", "c7i.large", 0.1, variant(base, "baseline"), variant(cand, "candidate")),
                target("a", "arm64", "c7g.large", 0.1, variant(result("evm", 1), "baseline"),
                        variant(result("evm", 1.1), "candidate")),
                target("b", "arm64", "c8g.large", 0.1, variant(result("evm", 0.8), "baseline")));

        List<CrossArchitecture.Row> rows = CrossArchitecture.of(run, BOOTSTRAP);

        assertThat(rows).extracting(r -> r.armType() + "/" + r.variant())
                .containsExactly("c7g.large/baseline", "c7g.large/candidate", "c8g.large/baseline");
        assertThat(rows.get(1).ratio()).isCloseTo(0.5, within(1e-9));
        assertThat(rows.get(2).ratio()).isCloseTo(0.4, within(1e-9));
    }

    private static BenchmarkResult variant(BenchmarkResult b, String variant) {
        return new BenchmarkResult(b.benchmark(), b.command(), b.parameters(), b.runsRequested(), b.statistics(),
                b.medianInterval(), b.warnings(), b.times(), b.exitCodes(), b.user(), b.system(), b.rawExport(), variant,
                null, null);
    }
}
