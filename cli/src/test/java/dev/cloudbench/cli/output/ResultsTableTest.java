package dev.cloudbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Interval;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-run table says which host was noisy and prints a replicated target's pooled verdicts. */
class ResultsTableTest {
    private static VariantComparison comparison(double ratio, String verdict) {
        return new VariantComparison("parse", null, "candidate", "baseline", 20, ratio,
                new Interval(ratio * 0.99, ratio * 1.01, 0.95), 0.001, 0.002, 0.05, 0.01, verdict, "why", true);
    }

    private static Environment environment(boolean noisy, boolean leftOut) {
        Environment e = new Environment("x86_64", "c7i.large", "spot", null, null, null, null, 2, null, null, null,
                null, null, null, null, null, null);
        return e.withCanary(new Canary(List.of(), 0, noisy, noisy ? "cpu drifted +31 % (limit ±20 %)" : "within limits",
                leftOut, null));
    }

    private static TargetResult replica(int k, Environment env, VariantComparison c) {
        return new TargetResult("x86-r" + k, "x86_64", "c7i.large", "spot", "succeeded", null, env, List.of(), List.of(),
                null, null, null, List.of(c), null, null, "x86", k);
    }

    private static String print(RunResults results) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            ResultsTable.print(results, out);
        }
        return text.toString();
    }

    @Test
    void aNoisyHost_saysWhy_andWhetherItsVerdictsCount_andPooledVerdictsFollowTheTargets() {
        RunResults run = new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-07T00:00:00Z", List.of(
                replica(1, environment(false, false), comparison(1.05, "slower")),
                replica(2, environment(true, true), comparison(1.4, "not-judged")),
                replica(3, environment(true, false), comparison(1.06, "slower"))),
                List.of(new PooledComparison("x86", List.of("x86-r1", "x86-r3"), comparison(1.055, "slower"))));

        String text = print(run);

        assertThat(text).contains("Target x86-r2 (x86_64, c7i.large): succeeded\n  noisy host: cpu drifted +31 %"
                + " (limit ±20 %) — its wall-time verdicts are not judged, and it is left out of comparisons across"
                + " targets (\"canary\": {\"excludeNoisy\": false} keeps it)");
        assertThat(text).contains("  noisy host: cpu drifted +31 % (limit ±20 %) — kept in verdicts (\"excludeNoisy\": false)");
        assertThat(text).doesNotContain("noisy host: within limits");
        assertThat(text).contains("Target x86, 2 replicas pooled (x86-r1, x86-r3):");
        assertThat(text.substring(text.indexOf("replicas pooled"))).contains("candidate vs baseline", "+5.5%", "slower");
    }

    @Test
    void aRunWithoutCanaryOrReplicas_printsNeitherLine() {
        RunResults run = new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-07T00:00:00Z", List.of(
                new TargetResult("local", "x86_64", "local", "local", "succeeded", null, null, List.of(), List.of(),
                        null, null)));

        assertThat(print(run)).doesNotContain("noisy host").doesNotContain("pooled");
    }
}
