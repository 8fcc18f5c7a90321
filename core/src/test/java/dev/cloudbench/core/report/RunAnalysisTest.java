package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.Samples;
import dev.cloudbench.core.testing.Scenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunAnalysisTest {
    private final RunAnalysis analysis = Scenarios.analysis();

    private BenchmarkView view(String target, String key) {
        return analysis.targets().stream().filter(t -> t.id().equals(target)).findFirst().orElseThrow()
                .benchmark(key).orElseThrow();
    }

    @Test
    void changes_listRegressionsFirst() {
        assertThat(analysis.changes()).extracting(c -> c.benchmark().change().verdict())
                .isSortedAccordingTo(Enum::compareTo)
                .first().isEqualTo(Verdict.SLOWER);
        assertThat(analysis.changes().get(0).benchmark().key()).isEqualTo("sort");
        assertThat(analysis.changes().get(0).target().id()).isEqualTo("x86");
    }

    @Test
    void change_comparesEachBenchmarkWithTheSameOneInItsTargetsBaseline() {
        assertThat(view("x86", "sort").change().changePercent()).isCloseTo(10, within(2.0));
        assertThat(view("arm", "sort").change().verdict()).isEqualTo(Verdict.FASTER);
        assertThat(view("x86", "gzip").change().verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(view("x86", "noisy").change().verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(view("arm", "noisy").change()).isNull();
    }

    @Test
    void benchmarksOnlyInTheBaseline_areListed_notDropped() {
        assertThat(analysis.targets().get(0).notMeasuredNow()).containsExactly("retired");
    }

    @Test
    void sideBySide_comparesEveryTargetWithTheFirstOneThatHasResults() {
        assertThat(analysis.reference().id()).isEqualTo("x86");
        assertThat(view("x86", "sort").vsReference()).isNull();
        assertThat(view("arm", "sort").vsReference().ratio()).isCloseTo(125.0 / 110, within(0.03));
        assertThat(view("arm", "sort").vsReference().verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(view("broken", "sort").vsReference()).isNotNull();
    }

    @Test
    void costPerRun_isTheMedianTimesThePricePerSecond() {
        BenchmarkView sort = view("arm", "sort");

        assertThat(sort.costPerRun()).isCloseTo(sort.stats().median() * 0.0289 / 3600, within(1e-15));
        assertThat(sort.costPerRunInterval().contains(sort.costPerRun())).isTrue();
        assertThat(analysis.pricedTargets()).extracting(TargetView::id).containsExactly("x86", "arm", "broken");
    }

    @Test
    void totalCost_addsTheKnownAmounts_andCountsTheUnknown() {
        double expected = analysis.targets().stream().mapToDouble(t -> t.result().cost().amount()).sum();

        assertThat(analysis.knownCost()).isCloseTo(expected, within(1e-12));
        assertThat(analysis.targetsWithoutCost()).isZero();
    }

    @Test
    void repeatedLabels_inOneTarget_areBothKept() {
        var twice = Fixtures.target("t", "x86_64", "local", "local", null,
                Fixtures.benchmark("same", Samples.normal(1, 5, 1, 0.1)),
                Fixtures.benchmark("same", Samples.normal(2, 5, 2, 0.1)));
        RunResults run = Fixtures.run("r", twice);

        RunAnalysis a = RunAnalysis.of(run, Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);

        assertThat(a.keys()).containsExactly("same", "same #2");
    }

    @Test
    void fewerRunsThanRequested_isFlagged() {
        assertThat(analysis.anyFewerRuns()).isTrue();
        assertThat(view("arm", "gzip").runs()).isEqualTo("7 of 10");
    }

    @Test
    void sideBySide_isLeftOut_withOnlyOneTargetThatHasResults() {
        assertThat(Scenarios.local().reference()).isNull();
    }
}
