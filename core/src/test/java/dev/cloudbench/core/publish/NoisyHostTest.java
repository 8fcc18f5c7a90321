package dev.cloudbench.core.publish;

import static dev.cloudbench.core.testing.Fixtures.benchmark;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.crossarch.CrossArchitecture;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.pr.RegressionGate;
import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.report.Baseline;
import dev.cloudbench.core.report.HtmlReport;
import dev.cloudbench.core.report.MarkdownReport;
import dev.cloudbench.core.report.RunAnalysis;
import dev.cloudbench.core.report.pr.PrComment;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The noise canary at Publish Report: levels against the run's other instances of the same kind, the
 * noisy host marked, its verdicts not judged, and left out of every comparison across targets unless
 * the suite keeps noisy hosts.
 */
class NoisyHostTest {
    private static final Suite DEFAULT = suite("");
    private static final Suite KEEP_NOISY = suite(",\"canary\":{\"excludeNoisy\":false}");
    private static final Suite OFF = suite(",\"canary\":false");

    private static Suite suite(String canary) {
        return InputReader.suiteJson("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"sort\",\"command\":\"sort f\"}]"
                + canary + "}");
    }

    private static HyperfineExport pass(double memory) {
        double[] cpu = {0.025, 0.0249, 0.0251, 0.0248, 0.0252};
        double[] mem = {memory, memory * 0.99, memory * 1.01, memory * 0.98, memory * 1.02};
        return new HyperfineExport(List.of(
                new HyperfineExport.Entry(Canary.CPU, cpu, Collections.nCopies(5, 0), null, null, Map.of()),
                new HyperfineExport.Entry(Canary.MEMORY, mem, Collections.nCopies(5, 0), null, null, Map.of())));
    }

    /** An x86_64 c7i.large instance whose canary's memory part took {@code memory} s, and a sort around {@code sort} s. */
    private static TargetResult instance(String id, String arch, double memory, double sort,
                                         VariantComparison... comparisons) {
        TargetResult t = Fixtures.target(id, arch, arch.equals("arm64") ? "c7g.large" : "c7i.large", "spot", 0.05,
                benchmark("sort", Samples.normal(id.hashCode(), 10, sort, sort * 0.01)));
        TargetResult withCanary = t.withEnvironment(t.environment().withCanary(Canary.of(pass(memory), pass(memory), null)));
        return withCanary.with(withCanary.benchmarks(), withCanary.cost(), List.of(comparisons));
    }

    private static VariantComparison comparison(String metric, String verdict) {
        return new VariantComparison("sort", Map.of(), "cand", "base", 10, 1.2, null, 0.001, 0.002, 0.05, 0.02,
                verdict, "the whole interval is above 1", true, metric);
    }

    /** Four x86 instances, the third 30 % slow in the canary's memory part, with a slower verdict each. */
    private static List<TargetResult> fourX86(double thirdMemory) {
        List<TargetResult> targets = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            targets.add(instance("x86-" + i, "x86_64", i == 3 ? thirdMemory : 0.075 + i * 0.0005, 2.0,
                    comparison(null, "slower"), comparison("instructions", "slower")));
        }
        return targets;
    }

    private static RunResults run(List<TargetResult> targets) {
        return Fixtures.run("r", targets.toArray(TargetResult[]::new));
    }

    @Test
    void oneInstanceThirtyPercentSlowAmongFour_isANoisyHost_leftOut_andItsWallTimeVerdictsNotJudged() {
        List<TargetResult> judged = ResultsAssembler.canaries(fourX86(0.0975), DEFAULT);

        assertThat(judged).extracting(TargetResult::leftOutAsNoisy).containsExactly(false, false, true, false);
        TargetResult noisy = judged.get(2);
        Canary c = noisy.environment().canary();
        assertThat(c.noisyHost()).isTrue();
        assertThat(c.peers()).isEqualTo(3);
        assertThat(c.reason()).startsWith("canary memory part").contains("slower than the median of its 3 peers");
        VariantComparison wall = noisy.variantComparisons().get(0);
        assertThat(wall.verdictValue()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(wall.reason()).startsWith("noisy host: canary memory part").endsWith("(measured: slower)");
        assertThat(wall.ratio()).isEqualTo(1.2);
        assertThat(noisy.variantComparisons().get(1).verdictValue()).as("instruction counts stand").isEqualTo(Verdict.SLOWER);
        assertThat(noisy.benchmarks()).as("its measurements are kept").hasSize(1);
        assertThat(judged.get(0).variantComparisons()).extracting(VariantComparison::verdictValue)
                .containsOnly(Verdict.SLOWER);
    }

    @Test
    void fourSimilarInstances_noNoisyHost() {
        List<TargetResult> judged = ResultsAssembler.canaries(fourX86(0.076), DEFAULT);

        assertThat(judged).noneMatch(TargetResult::leftOutAsNoisy);
        assertThat(judged).allSatisfy(t -> {
            assertThat(t.environment().canary().noisyHost()).isFalse();
            assertThat(t.environment().canary().peers()).isEqualTo(3);
            assertThat(t.environment().canary().reason()).contains("level within ±15 % of its 3 peers");
        });
    }

    @Test
    void excludeNoisyFalse_marksTheNoisyHost_butKeepsItsVerdictsAndComparisons() {
        List<TargetResult> judged = ResultsAssembler.canaries(fourX86(0.0975), KEEP_NOISY);

        assertThat(judged.get(2).environment().canary().noisyHost()).isTrue();
        assertThat(judged.get(2).environment().canary().leftOut()).isFalse();
        assertThat(judged).noneMatch(TargetResult::leftOutAsNoisy);
        assertThat(judged.get(2).variantComparisons()).extracting(VariantComparison::verdictValue)
                .containsOnly(Verdict.SLOWER);
        assertThat(MarkdownReport.render(RunAnalysis.of(run(judged), Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT)))
                .contains("x86-3: noisy host, kept in verdicts as the suite asks");
    }

    @Test
    void theCanaryOff_changesNothing() {
        List<TargetResult> targets = fourX86(0.0975);

        assertThat(ResultsAssembler.canaries(targets, OFF)).isSameAs(targets);
    }

    @Test
    void anInstanceThatLeftNoCanary_inASuiteThatRunsIt_saysSo() {
        TargetResult bare = Fixtures.target("x86", "x86_64", "c7i.large", "spot", 0.05, benchmark("sort", new double[] {1, 1}));

        Canary c = ResultsAssembler.canaries(List.of(bare), DEFAULT).get(0).environment().canary();

        assertThat(c.noisyHost()).isFalse();
        assertThat(c.reason()).startsWith("not judged: no canary export");
    }

    @Test
    void aNoisyHost_isLeftOutOfComparisonsAcrossTargets_andTheReportsSayWhichAndWhy() {
        List<TargetResult> targets = new ArrayList<>(ResultsAssembler.canaries(fourX86(0.0975), DEFAULT));
        targets.add(instance("arm", "arm64", 0.07, 1.5));
        RunResults run = run(targets);

        List<CrossArchitecture.Row> rows = CrossArchitecture.of(run, Bootstrap.standard());
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.x86Instances()).isEqualTo(3));

        RunAnalysis analysis = RunAnalysis.of(run, Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);
        assertThat(analysis.targets().get(2).benchmark("sort").orElseThrow().vsReference()).isNull();
        assertThat(analysis.targets().get(1).benchmark("sort").orElseThrow().vsReference()).isNotNull();
        assertThat(dev.cloudbench.core.report.CrossArchitecture.of(analysis)).extracting(x -> x.x86().id())
                .containsExactly("x86-1", "x86-2", "x86-4");
        assertThat(analysis.noisyHosts()).extracting(t -> t.id()).containsExactly("x86-3");

        String md = MarkdownReport.render(analysis);
        assertThat(md).contains("## Noisy hosts", "x86-3: left out of verdicts and of comparisons across targets as a"
                + " noisy host (its measurements are kept) — canary memory part 28.3 % slower");
        assertThat(HtmlReport.render(analysis)).contains("<section id=\"noisy-hosts\">", "x86-3: left out of verdicts");
        assertThat(PrComment.render(run, PrComment.Options.standard(), Bootstrap.standard()))
                .contains("> x86-3: left out of verdicts", "not judged");
    }

    @Test
    void theFirstTargetNoisy_isNoReferenceForSideBySide() {
        List<TargetResult> judged = ResultsAssembler.canaries(fourX86(0.0975), DEFAULT);
        List<TargetResult> noisyFirst = new ArrayList<>(List.of(judged.get(2), judged.get(0), judged.get(1)));

        RunAnalysis analysis = RunAnalysis.of(run(noisyFirst), Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);

        assertThat(analysis.reference().id()).isEqualTo("x86-1");
    }

    @Test
    void baselineComparisonsOfANoisyHost_areNotJudged() {
        List<TargetResult> judged = ResultsAssembler.canaries(fourX86(0.0975), DEFAULT);
        RunResults now = run(judged);
        RunResults before = run(fourX86(0.076));

        RunAnalysis analysis = RunAnalysis.of(now, Baseline.matching(now, before), Bootstrap.standard(),
                VerdictRules.DEFAULT);

        var noisy = analysis.targets().get(2).benchmark("sort").orElseThrow().change();
        assertThat(noisy.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(noisy.reason()).startsWith("noisy host: canary memory part");
        assertThat(analysis.targets().get(0).benchmark("sort").orElseThrow().change().verdict())
                .isNotEqualTo(Verdict.NOT_JUDGED);
        assertThat(analysis.verdictCounts()).containsKey(Verdict.NOT_JUDGED);
    }

    @Test
    void theRegressionGate_neverFailsOnANoisyHostsVerdict_andCountsItNotJudged() {
        List<TargetResult> judged = ResultsAssembler.canaries(fourX86(0.0975), DEFAULT);

        TargetResult noisy = judged.get(2);
        TargetResult wallTimeOnly = noisy.with(noisy.benchmarks(), noisy.cost(), noisy.variantComparisons().subList(0, 1));

        RegressionGate.Decision d = new RegressionGate(5).judge(List.of(wallTimeOnly));

        assertThat(d.fails()).isFalse();
        assertThat(d.summary()).contains("1 not judged");
        assertThat(new RegressionGate(5).judge(List.of(noisy)).fails()).as("instruction counts still gate").isTrue();
        assertThat(new RegressionGate(5).judge(List.of(judged.get(0))).fails()).isTrue();
    }

    @Test
    void cloudbenchReport_readsANoisyHostsVerdictsBack_notJudged(@TempDir Path dir) throws Exception {
        RunResults run = run(ResultsAssembler.canaries(fourX86(0.0975), DEFAULT));
        Files.write(dir.resolve("results.json"), Json.writePretty(run));

        RunResults read = new ResultsFiles(Bootstrap.standard(), Clock.systemUTC()).load(dir).results();

        assertThat(read.targets().get(2).leftOutAsNoisy()).isTrue();
        assertThat(read.targets().get(2).variantComparisons().get(0).verdictValue()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(read.targets().get(2).variantComparisons().get(0).reason())
                .doesNotContain("(measured: not judged)").endsWith("(measured: slower)");
        assertThat(read.comparedTargets()).extracting(TargetResult::targetId).containsExactly("x86-1", "x86-2", "x86-4");
    }

    @Test
    void theCanaryRecord_survivesResultsJson() {
        TargetResult noisy = ResultsAssembler.canaries(fourX86(0.0975), DEFAULT).get(2);

        TargetResult read = Json.read(Json.writePretty(noisy), TargetResult.class);

        assertThat(read.environment().canary()).isEqualTo(noisy.environment().canary());
        assertThat(read.leftOutAsNoisy()).isTrue();
        assertThat(read.judgedForNoise().variantComparisons()).isEqualTo(noisy.variantComparisons());
    }
}
