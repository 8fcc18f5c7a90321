package dev.cloudbench.core.pr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegressionGateTest {
    private static VariantComparison comparison(String benchmark, double ratio, String verdict) {
        return new VariantComparison(benchmark, null, "candidate", "baseline", 12, ratio,
                new Interval(ratio * 0.98, ratio * 1.02, 0.95), 0.001, 0.002, 0.05, 0.01, verdict, "why", true);
    }

    private static TargetResult target(String arch, String status, VariantComparison... comparisons) {
        return new TargetResult(arch, arch, "t", "spot", status,
                "failed".equals(status) ? new TargetError("E", "broke", "Run Benchmark") : null, null, List.of(),
                List.of(), null, null, null, List.of(comparisons));
    }

    private static RunResults run(TargetResult... targets) {
        return new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-01T00:00:00Z", List.of(targets));
    }

    @Test
    void confirmedSlowerBeyondTheThreshold_onAnyTarget_fails() {
        RunResults run = run(target("x86_64", "succeeded", comparison("a", 1.02, "no-significant-change")),
                target("arm64", "succeeded", comparison("a", 1.12, "slower"), comparison("b", 1.5, "unstable")));

        RegressionGate.Decision d = new RegressionGate(5).judge(run);

        assertThat(d.fails()).isTrue();
        assertThat(d.summary()).startsWith("1 benchmark(s) confirmed slower than the baseline by more than 5.0%: a on arm64"
                + " (arm64): +12.0% (95% interval +9.8% … +14.2%)");
        assertThat(new RegressionGate(5).judge(run, "x86_64").fails()).isFalse();
    }

    @Test
    void slowerWithinTheThreshold_unstable_andNoChange_neverFail_butAreCounted() {
        RunResults run = run(target("x86_64", "succeeded", comparison("a", 1.03, "slower"),
                comparison("b", 1.4, "unstable"), comparison("c", 1.0, "no-significant-change")));

        RegressionGate.Decision d = new RegressionGate(5).judge(run);

        assertThat(d.fails()).isFalse();
        assertThat(d.summary()).isEqualTo("no benchmark confirmed slower than the baseline by more than 5.0%"
                + " (1 slower, 1 unstable, 1 no significant change)");
    }

    private static TargetResult replica(String group, int k, VariantComparison... comparisons) {
        return new TargetResult(group + "-r" + k, "x86_64", "c7i.large", "spot", "succeeded", null, null, List.of(),
                List.of(), null, null, null, List.of(comparisons), null, null, group, k);
    }

    @Test
    void aReplicatedTarget_isJudgedByItsPooledComparison_once_notReplicaByReplica() {
        // One replica on a slow host says +12 %; pooled over the three instances the change is not there.
        RunResults run = new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-01T00:00:00Z", List.of(
                replica("x86", 1, comparison("a", 1.12, "slower")),
                replica("x86", 2, comparison("a", 1.0, "no-significant-change")),
                replica("x86", 3, comparison("a", 1.01, "no-significant-change"))),
                List.of(new PooledComparison("x86", List.of("x86-r1", "x86-r2", "x86-r3"),
                        comparison("a", 1.03, "no-significant-change"))));

        RegressionGate.Decision d = new RegressionGate(5).judge(run);

        assertThat(d.fails()).isFalse();
        assertThat(d.compared()).isEqualTo(1);
        assertThat(d.summary()).endsWith("(1 no significant change)");
        assertThat(new RegressionGate(5).judge(run.targets()).fails()).as("replica by replica, it would have failed").isTrue();

        RunResults slower = new RunResults(RunResults.SCHEMA, "r", "s", "succeeded", "2026-12-01T00:00:00Z",
                run.targets(), List.of(new PooledComparison("x86", List.of("x86-r1", "x86-r2", "x86-r3"),
                        comparison("a", 1.08, "slower"))));
        assertThat(new RegressionGate(5).judge(slower, "x86_64").summary())
                .contains("a on x86_64 (x86, 3 replicas pooled): +8.0%");
    }

    @Test
    void statuses_perArchitecture_failureErrorAndSuccess() {
        RunResults run = run(target("x86_64", "succeeded", comparison("evm", 1.2, "slower")),
                target("arm64", "failed"));

        List<ArchitectureStatus> statuses = ArchitectureStatus.of(run, List.of("x86_64", "arm64", "riscv64"),
                new RegressionGate(5));

        assertThat(statuses).extracting(ArchitectureStatus::context, ArchitectureStatus::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cloudbench/x86_64", "failure"),
                org.assertj.core.groups.Tuple.tuple("cloudbench/arm64", "error"),
                org.assertj.core.groups.Tuple.tuple("cloudbench/riscv64", "error"));
        assertThat(statuses.get(0).description()).isEqualTo("▲ evm +20.0%: slower than the baseline beyond 5.0%");
        assertThat(statuses.get(1).description()).isEqualTo("target failed (arm64)");
        assertThat(ArchitectureStatus.of(run(target("arm64", "succeeded", comparison("evm", 1.0, "unstable"))),
                List.of("arm64"), new RegressionGate(5)).get(0))
                .isEqualTo(new ArchitectureStatus("cloudbench/arm64", "success", "no regression beyond 5.0% (1 unstable)"));
        assertThat(ArchitectureStatus.status("arm64", "pending", "x".repeat(300)).description()).hasSize(140);
    }
}
