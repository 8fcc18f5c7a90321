package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.HierarchicalBootstrap;
import dev.cloudbench.core.stats.VerdictRules;
import dev.cloudbench.core.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaTablesTest {
    private static double[] around(double median) {
        return new double[] {median * 0.99, median, median * 1.01, median * 0.995, median * 1.005};
    }

    private static TargetResult x86(int k, double median) {
        return Fixtures.target("x86-r" + k, "x86_64", "c7i.large", "spot", 0.05,
                Fixtures.benchmark("parse", around(median))).asReplica("x86", k);
    }

    private static RunResults run() {
        return Fixtures.run("r", Fixtures.replica("arm", 1, Fixtures.benchmark("parse", around(1.0))),
                Fixtures.replica("arm", 2, Fixtures.benchmark("parse", around(1.2))),
                Fixtures.replica("arm", 3, Fixtures.benchmark("parse", around(1.1))),
                x86(1, 2.0), x86(2, 2.1));
    }

    @Test
    void spread_showsTheInstanceMediansRange_andTheirCoefficientOfVariation() {
        RunAnalysis a = RunAnalysis.of(run(), Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);

        Table spread = ReplicaTables.spread(a);

        assertThat(spread.rows()).hasSize(2);
        assertThat(spread.rows().get(0)).extracting(Table.Cell::text)
                .containsExactly("arm", "parse", "3", "1.000 s – 1.200 s", "1.200×", "9.1%");
        assertThat(ReplicaTables.cv(new double[] {1.0, 1.2, 1.1})).isCloseTo(0.1 / 1.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ReplicaTables.instances(a).rows()).extracting(r -> r.get(1).text())
                .containsExactly("arm-r1", "arm-r2", "arm-r3", "x86-r1", "x86-r2");
        assertThat(ReplicaTables.instances(a).rows().get(0)).extracting(Table.Cell::text)
                .containsExactly("arm", "arm-r1", "i-0123456789abcdef0", "us-east-1a", "spot", "succeeded");
    }

    @Test
    void sideBySide_acrossKindsWithReplicas_resamplesInstancesThenRuns() {
        RunAnalysis a = RunAnalysis.of(run(), Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);

        var arm = a.targets().get(0).benchmark("parse").orElseThrow().vsReference();
        var x86 = a.targets().get(3).benchmark("parse").orElseThrow().vsReference();

        // arm-r1 is the reference; x86 against the arm kind: 2 instances against 3.
        assertThat(arm).isNull();
        List<double[]> x86Runs = List.of(around(2.0), around(2.1));
        List<double[]> armRuns = List.of(around(1.0), around(1.2), around(1.1));
        assertThat(x86.ratio()).isEqualTo(HierarchicalBootstrap.ratio(x86Runs, armRuns));
        assertThat(x86.interval()).isEqualTo(HierarchicalBootstrap.standard().ratioOfMedians(x86Runs, armRuns));
        // A pooled-runs interval would be far narrower than one over so few instances.
        assertThat(x86.interval().high() - x86.interval().low())
                .isGreaterThan(Bootstrap.standard().ratioOfMedians(pooled(x86Runs), pooled(armRuns)).high()
                        - Bootstrap.standard().ratioOfMedians(pooled(x86Runs), pooled(armRuns)).low());
        assertThat(CrossArchitecture.of(a)).singleElement()
                .satisfies(c -> assertThat(c.pair()).isEqualTo("arm (3 instances) ÷ x86 (2 instances)"));
    }

    @Test
    void reports_haveAReplicasSection_onlyWhenSomeTargetHasReplicas() {
        RunAnalysis replicated = RunAnalysis.of(run(), Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);
        RunAnalysis plain = RunAnalysis.of(Fixtures.run("r", Fixtures.target("a", "arm64", "c7g.large", "spot", 0.03,
                Fixtures.benchmark("parse", around(1)))), Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);

        assertThat(MarkdownReport.render(replicated)).contains("## Replicas", "### Spread between instances",
                "| arm | parse | 3 | 1.000 s – 1.200 s |", "### Where each replica ran");
        assertThat(HtmlReport.render(replicated)).contains("<section id=\"replicas\">", "table-instance-spread");
        assertThat(MarkdownReport.render(plain)).doesNotContain("Replicas");
        assertThat(HtmlReport.render(plain)).doesNotContain("id=\"replicas\"");
    }

    private static double[] pooled(List<double[]> instances) {
        return instances.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void againstTheBaseline_overInstances_judgesTheTargetNotEachInstance() {
        // The previous run's three x86 instances against this run's three, 10 % slower as a target; the
        // instances differ by 1 % among themselves, about as much as the runs within each.
        RunResults now = Fixtures.run("now", x86(1, 2.2), x86(2, 2.222), x86(3, 2.244));
        RunResults before = Fixtures.run("before", x86(1, 2.0), x86(2, 2.02), x86(3, 2.04));
        Map<String, Baseline> baselines = Map.of(
                "x86-r1", new Baseline("before", before.targets().get(0)),
                "x86-r2", new Baseline("before", before.targets().get(1)),
                "x86-r3", new Baseline("before", before.targets().get(2)));

        RunAnalysis a = RunAnalysis.of(now, baselines, Bootstrap.standard(), VerdictRules.DEFAULT);
        Table t = ReplicaTables.againstBaseline(a);

        assertThat(t.rows()).singleElement().satisfies(row -> {
            assertThat(row.get(0).text()).endsWith("slower");
            assertThat(row.get(1).text()).isEqualTo("x86");
            assertThat(row.get(3).text()).isEqualTo("2.020 s");
            assertThat(row.get(4).text()).isEqualTo("2.222 s");
            assertThat(row.get(5).text()).startsWith("+10.0%");
            assertThat(row.get(6).text()).isEqualTo("3 and 3");
        });
        assertThat(MarkdownReport.render(a)).contains("### Against the baseline, over instances");
        assertThat(HtmlReport.render(a)).contains("table-baseline-instances");

        // One instance in the baseline: no verdict over instances, and no table.
        RunAnalysis one = RunAnalysis.of(now, Map.of("x86-r1", baselines.get("x86-r1")), Bootstrap.standard(),
                VerdictRules.DEFAULT);
        assertThat(ReplicaTables.againstBaseline(one).isEmpty()).isTrue();
        assertThat(MarkdownReport.render(one)).doesNotContain("Against the baseline, over instances");
    }
}
