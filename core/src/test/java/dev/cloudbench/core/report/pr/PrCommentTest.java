package dev.cloudbench.core.report.pr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The pull-request comment, golden: each case renders a recorded run (see {@link PrFixtures}) and is
 * compared with the file under src/test/resources/.../report/pr/golden/. After a deliberate change of
 * the comment, {@code -Dgolden.update=true} rewrites the files; review their diff like code.
 */
class PrCommentTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/cloudbench/core/report/pr/golden");
    private static final PrComment.Options GATED = PrComment.Options.standard().withFailOnRegression(5.0)
            .withReportsAt("https://github.com/octo/evm/actions/runs/123456789");

    private static String golden(String name, RunResults run, PrComment.Options options) throws IOException {
        String body = PrComment.render(run, options, PrFixtures.BOOTSTRAP);
        Path file = GOLDEN.resolve(name + ".md");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, body, StandardCharsets.UTF_8);
        }
        assertThat(body).as("golden " + file + " (-Dgolden.update=true rewrites it)")
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(body).startsWith(PrComment.MARKER + "\n").hasSizeLessThanOrEqualTo(PrComment.MAX_LENGTH);
        return body;
    }

    @Test
    void regression_isNamedInTheVerdictLine_andFailsTheGate() throws IOException {
        String body = golden("regression", PrFixtures.regression(), GATED);
        assertThat(body).contains("**▲ 1 slower: nap +166.6% · ? 1 unstable — fails the 5.0% regression gate**",
                "| nap | 56.90 ms | 156.00 ms | +166.6% (", "| **▲ slower** | 10 |",
                "candidate 084262cc236a against baseline 5c72685ec0e0");
    }

    @Test
    void improvement_isFaster_andPassesTheGate() throws IOException {
        String body = golden("improvement", PrFixtures.improvement(), GATED);
        assertThat(body).contains("**? 1 unstable · ▼ 1 faster: nap −62.5% — passes the 5.0% regression gate**",
                "| ▼ faster |").doesNotContain("▲ slower |");
    }

    @Test
    void noChange_saysSo_andPassesTheGate() throws IOException {
        String body = golden("no-change", PrFixtures.noChange(), GATED);
        assertThat(body).contains("≈ 2 no significant change — passes the 5.0% regression gate", "| +0.3% (");
    }

    @Test
    void unstable_neverFailsTheGate_butIsSaid() throws IOException {
        String body = golden("unstable", PrFixtures.unstable(), GATED);
        assertThat(body).contains("? 1 unstable — passes the 5.0% regression gate", "| hash-data |", "? unstable");
    }

    @Test
    void failedTarget_saysWhereAndWhy_andKeepsTheOtherArchitecture() throws IOException {
        String body = golden("failed-target", PrFixtures.failedTarget(), GATED);
        assertThat(body).contains("### arm64 · c7g.large · spot", "✗ Failed before any comparison.",
                "> arm64: in Check Instance: instance i-0f3a9c2e71d4b5a60 did not register with SSM within 600 s"
                        + " (InstanceNotReadyException)",
                "**▲ 1 slower: nap +166.6%", "_Not measured on both architectures");
    }

    @Test
    void twoArchitectures_showTheCrossArchitectureRatio_timeAndPerDollar() throws IOException {
        String body = golden("two-architectures", PrFixtures.twoArchitectures(), GATED);
        assertThat(body).contains("### x86\\_64 · local (recorded) · on-demand\n", "### arm64 · c7g.large (fixture) · on-demand\n",
                "Cost: $0.00145 (x86\\_64 $0.000801, arm64 $0.000651).",
                "| time arm64 ÷ x86\\_64 | cost per run arm64 ÷ x86\\_64 |",
                "| nap · candidate | 156.00 ms | 124.80 ms | 0.800× (",
                "With one instance per architecture the interval resamples that instance's runs");
        assertThat(body.indexOf("### x86")).isLessThan(body.indexOf("### arm64 ·"));
    }

    @Test
    void hugeSuite_foldsItsTables_andIsCutToTheLimit_sayingSo() throws IOException {
        // 400 benchmarks a target: Holm's correction over 400 comparisons of 10 rounds leaves none
        // significant, which is what cloudbench says of such a run.
        String body = golden("huge", PrFixtures.huge(400), GATED);
        assertThat(body.length()).isLessThanOrEqualTo(PrComment.MAX_LENGTH).isGreaterThan(PrComment.MAX_LENGTH - 400);
        assertThat(body).contains("<details><summary>All 400 comparisons on x86\\_64</summary>",
                "<details><summary>All 400 comparisons on arm64</summary>",
                "rows cut to keep this comment under GitHub's limit: every row is in report.md",
                "**? 400 unstable — passes the 5.0% regression gate**", "### Cost", "### Full reports");
        // The equal share: both architectures keep rows, the first table does not take the whole budget.
        int x86Rows = count(body.substring(body.indexOf("comparisons on x86"), body.indexOf("comparisons on arm64")), "| nap-");
        int armRows = count(body.substring(body.indexOf("comparisons on arm64")), "| nap-");
        assertThat(x86Rows).isGreaterThan(50);
        assertThat(armRows).isGreaterThan(50);
    }

    @Test
    void smallLimit_stillKeepsEveryVerdictLine() {
        String body = PrComment.render(PrFixtures.huge(40), GATED.withMaxLength(6_000), PrFixtures.BOOTSTRAP);
        assertThat(body.length()).isLessThanOrEqualTo(6_000);
        assertThat(count(body, "**? 40 unstable — passes the 5.0% regression gate**")).isEqualTo(2);
        assertThat(body).contains("rows cut to keep this comment", "### Full reports");
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aReplicasOwnVerdictLine_leavesTheGateToThePooledVerdicts() {
        java.util.function.BiFunction<Double, String, dev.cloudbench.core.results.VariantComparison> comparison =
                (ratio, verdict) -> new dev.cloudbench.core.results.VariantComparison("parse", null, "candidate",
                        "baseline", 20, ratio, new dev.cloudbench.core.stats.Interval(ratio * 0.99, ratio * 1.01, 0.95),
                        0.001, 0.002, 0.05, 0.01, verdict, "why", true);
        java.util.List<dev.cloudbench.core.results.TargetResult> replicas = new java.util.ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            replicas.add(new dev.cloudbench.core.results.TargetResult("x86-r" + k, "x86_64", "c7i.large", "spot",
                    "succeeded", null, null, java.util.List.of(), java.util.List.of(), null, null, null,
                    java.util.List.of(comparison.apply(k == 1 ? 1.12 : 1.0, k == 1 ? "slower" : "no-significant-change")),
                    null, null, "x86", k));
        }
        RunResults run = new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-07T00:00:00Z", replicas,
                java.util.List.of(new dev.cloudbench.core.results.PooledComparison("x86",
                        java.util.List.of("x86-r1", "x86-r2", "x86-r3"), comparison.apply(1.02, "no-significant-change"))));

        String comment = PrComment.render(run, GATED, dev.cloudbench.core.stats.Bootstrap.standard());

        assertThat(comment).contains("the gate reads the pooled verdicts of x86").doesNotContain("— fails");
        assertThat(PrComment.verdictLine(replicas.get(0), GATED)).as("without pooled verdicts, its own").contains("— fails");
    }
}
