package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.cost.Costs;
import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.InstanceTime;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.VerdictRules;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.Samples;
import dev.cloudbench.core.testing.Scenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    private final String md = MarkdownReport.render(Scenarios.analysis());

    private List<String> lines() {
        return md.lines().toList();
    }

    /** The line after a table's header and alignment rows. */
    private String firstRowAfter(String header) {
        int i = lines().indexOf(header);
        assertThat(i).as("table header %s", header).isNotNegative();
        return lines().get(i + 2);
    }

    @Test
    void header_saysRunStatusBaselineVerdictsAndCost() {
        assertThat(lines()).startsWith(
                "# cloudbench: suite-a",
                "",
                "Run run-2 · failed · 2026-01-01T10:12:00Z · 3 target(s)  ",
                "Baseline: run run-1.  ",
                "**Against the baseline: 1 slower, 1 unstable, 1 faster, 2 no significant change.**  ",
                "Cost: $0.0272.");
    }

    @Test
    void changes_comeFirst_withTheRegressionOnTop_verdictLeading() {
        String header = "| verdict | target | benchmark | baseline median | median | change (95% CI) |";

        assertThat(lines()).containsSubsequence("## Changes against the baseline", header, "|---|---|---|---:|---:|---:|");
        assertThat(firstRowAfter(header)).startsWith("| **▲ slower** | x86 | sort | 100.02 ms | 109.95 ms | +9.9% (");
        assertThat(md.indexOf("## Changes")).isLessThan(md.indexOf("## x86"));
        assertThat(md).contains("| ? unstable | x86 | noisy |")
                .contains("In the baseline of x86 but not measured now: retired");
    }

    @Test
    void changesChart_isSaidInWords_verdictFirst_thenTheChangeWithItsInterval() {
        assertThat(lines()).containsSubsequence("## Changes against the baseline",
                "- **▲ slower**: sort on x86, +9.9% (+8.0% … +11.4%)");
        assertThat(md).contains("_In report.html:_ The chart draws each benchmark's change against the baseline run as"
                + " a square, its 95% interval as a line");
    }

    @Test
    void crossArchitecture_isATableAndWords_whenBothArchitecturesWereMeasured() {
        assertThat(lines()).containsSubsequence("### arm64 against x86_64",
                "- **▲ slower**: sort, arm ÷ x86, +14.0% (+13.1% … +16.2%)",
                "| verdict | benchmark | arm64 ÷ x86\\_64 | arm64 median | x86\\_64 median | arm64 ÷ x86\\_64 (95% CI) |");
        assertThat(MarkdownReport.render(Scenarios.local())).doesNotContain("arm64 against");
    }

    @Test
    void oneTargetMedians_areSaidAsOneChartWithABarPerBenchmark() {
        assertThat(MarkdownReport.render(Scenarios.local())).contains("## Medians")
                .contains("One chart, one bar per benchmark, every bar on one axis");
    }

    @Test
    void fewerRunsThanRequested_isSaid_whereverTheStatisticIsShown() {
        assertThat(md).contains("| 40.56 ms (7 of 10 runs) |")
                .contains("| 7 of 10 | fewer runs than requested |")
                .contains("\"7 of 10\": fewer runs were measured than the suite asked for");
    }

    @Test
    void failedTargets_areListedWithWhereAndWhy_andKeepWhatTheyMeasured() {
        assertThat(lines()).contains("- broken: in Check Benchmark: benchmark 'gzip' (2 of 4) failed with exit code 1"
                + " (BenchmarkFailedException)");
        assertThat(md).contains("## broken — arm64 · c7g.large · spot — failed").contains("Not measured: unmeasured");
        assertThat(md.substring(md.indexOf("## broken —"))).contains("\n| sort | 129.68 ms (");
    }

    @Test
    void targetsSideBySide_showRatiosToTheFirstTarget() {
        String header = "| benchmark | x86 median | arm median | arm ÷ x86 | broken median | broken ÷ x86 |";

        assertThat(firstRowAfter(header)).startsWith("| sort | 109.95 ms | 125.33 ms | **1.140× (")
                .endsWith(") ▲** |");
    }

    @Test
    void targetTable_hasMedianIntervalMeanSpreadRangeAndRuns() {
        String header = "| benchmark | median (95% CI) | mean ± σ | min – max | runs | notes |";

        assertThat(firstRowAfter(header))
                .isEqualTo("| sort | 109.95 ms (108.29 ms – 110.62 ms) | 109.43 ms ± 1.93 ms | 105.00 ms – 112.26 ms | 20 |  |");
    }

    @Test
    void cost_listsEachTarget_itsPriceSource_andTheTotal() {
        assertThat(md).contains("| x86 | on-demand | 11 min 00 s | — | — | $0.0893 | on-demand list price, us-east-1, as of 2025-06"
                        + " (estimate) | $0.0164 |")
                .contains("| arm | spot | 11 min 00 s | — | — | $0.0289 | spot price at launch | $0.00530 |")
                .contains("| **total** |  |  |  |  |  |  | **$0.0272** |")
                .contains("### Price-performance");
    }

    @Test
    void cost_splitsInstanceTimeIntoBenchmarkingAndOverhead_andCountsTheWholeOfIt() {
        Environment e = Fixtures.environment("arm64", "c7g.large", "spot", 0.03);
        e = new Environment(e.architecture(), e.instanceType(), e.market(), e.zone(), e.instanceId(), e.imageId(),
                e.cpuModel(), e.cores(), e.kernel(), e.os(), e.hyperfineVersion(), e.commit(), e.launchedAt(),
                e.pricePerHour(), e.priceSource(), e.startedAt(), e.finishedAt(), Map.of(), "2026-01-01T10:00:50Z", null);
        InstanceTime time = InstanceTime.of(e, "2026-01-01T10:11:30Z");
        TargetResult arm = new TargetResult("arm", "arm64", "c7g.large", "spot", "succeeded", null, e,
                List.of(Fixtures.benchmark("sort", Samples.normal(1, 20, 0.1, 0.002))), List.of(),
                Costs.of(e, time, "c7g.large", "spot", PriceTable.bundled()), null, null, null, null, time);

        String report = MarkdownReport.render(RunAnalysis.of(Fixtures.run("run-2", arm), Map.of(), Bootstrap.standard(),
                VerdictRules.DEFAULT));

        assertThat(report).contains("| arm | spot | 11 min 30 s | 10 min 00 s | 1 min 30 s | $0.0300 | spot price at launch"
                        + " | $0.00575 |")
                .contains("Cost: $0.00575, for 11 min 30 s of instance time (10 min 00 s benchmarking, 1 min 30 s overhead).")
                .contains("| **ready** | 2026-01-01T10:00:50Z |");
    }

    @Test
    void environment_isFoldedAway() {
        assertThat(md).contains("<details><summary>The machine of each target</summary>")
                .contains("| **CPU** | Test CPU @ 3.0GHz | Test CPU @ 3.0GHz | Test CPU @ 3.0GHz |");
    }

    @Test
    void textFromResults_cannotBreakTablesOrInjectHtml() {
        assertThat(md).contains("parse (input=&lt;b&gt;\\|\\*x\\*)").doesNotContain(Scenarios.AWKWARD);
    }

    @Test
    void everyTableRow_hasAsManyCellsAsItsHeader() {
        int expected = -1;
        for (String line : lines()) {
            if (!line.startsWith("|")) {
                expected = -1;
                continue;
            }
            int cells = line.replace("\\|", "").split("\\|", -1).length - 2;
            if (expected < 0) {
                expected = cells;
            }
            assertThat(cells).as(line).isEqualTo(expected);
        }
    }

    @Test
    void render_isTheSame_forTheSameResults() {
        assertThat(MarkdownReport.render(Scenarios.analysis())).isEqualTo(md);
    }

    @Test
    void withoutABaseline_saysSo_andHasNoChangesSection() {
        RunResults run = Scenarios.current();
        String plain = MarkdownReport.render(RunAnalysis.of(run, Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT));

        assertThat(plain).contains("No baseline: nothing to compare with.").doesNotContain("## Changes")
                .doesNotContain("Against the baseline");
    }

    @Test
    void aLocalRun_saysItIsNotBilled() {
        String local = MarkdownReport.render(Scenarios.local());

        assertThat(local).contains("Cost: none, a local run is not billed.")
                .contains("— (local run: this host is not billed by cloudbench)");
    }

    @Test
    void aRunTooLongForAComment_dropsItsDetails_andPointsToTheHtml() {
        List<TargetResult> targets = new ArrayList<>();
        for (String id : List.of("a", "b", "c")) {
            var benchmarks = new ArrayList<BenchmarkResult>();
            for (int i = 0; i < 150; i++) {
                benchmarks.add(Fixtures.benchmark("benchmark-with-a-long-name-" + i, Samples.normal(i, 5, 0.1, 0.01)));
            }
            targets.add(Fixtures.target(id, "x86_64", "c7i.large", "spot", 0.03,
                    benchmarks.toArray(new BenchmarkResult[0])));
        }
        RunResults big = Fixtures.run("big", targets.toArray(new TargetResult[0]));

        String compact = MarkdownReport.render(RunAnalysis.of(big, Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT));

        assertThat(compact.length()).isLessThanOrEqualTo(MarkdownReport.MAX_LENGTH);
        assertThat(compact).contains("left out to fit a comment: see report.html")
                .contains("| benchmark-with-a-long-name-149 |");
    }
}
