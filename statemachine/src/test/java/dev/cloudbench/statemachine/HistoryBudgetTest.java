package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.Progress;
import dev.cloudbench.core.run.StepError;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.service.InstanceService;
import java.time.Instant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worst-case execution history of a run, counted from benchmark.asl.json by {@link HistoryModel}:
 * long runs of many targets must stay within Step Functions' quotas, and benchmarking time must cost
 * a bounded number of events whatever its length.
 *
 * <p>Before the callback (10 s readiness poll, 30 s benchmark poll, inline Map): 1,080 events and 360
 * transitions per target-hour of benchmarking; a run of 100 targets for 24 hours would write about
 * 2.6 million events against the quota of 25,000.
 *
 * <p>With the callback ("Wait For Benchmark" woken by the command's end, a one-hour safety-net
 * timeout) and a Distributed Map: 13 events and 3 transitions per target-hour; 100 targets for 24
 * hours with 10 batches of A/B rounds, a spot reclaim and the slowest readiness loop write at most
 * 1,378 events into each target's child execution (1,918 before the readiness backoff halved its
 * worst-case checks) and 31 into the run's own. The Distributed Map is
 * what makes 100 targets fit: at these per-target costs one inline history would need ~190,000.
 */
class HistoryBudgetTest {
    private static final Path DEFINITION = Path.of("benchmark.asl.json");
    private static final int TARGETS = 100;
    private static final double HOURS = 24;
    /** Batches of A/B rounds on one instance ("More Rounds?" going back). */
    private static final long ROUND_BATCHES = 10;

    private static HistoryModel model() throws IOException {
        return new HistoryModel(Json.payload().readTree(DEFINITION.toFile()));
    }

    /** One target: its first instance's branch, a spot reclaim and the on-demand retry's, the hours of benchmarking. */
    private static HistoryModel.Count worstTarget(HistoryModel model, double hours, long batches) {
        HistoryModel.Count fixed = model.target(Map.of(
                "Instance Ready?", (long) InstanceService.MAX_READY_CHECKS - 1,
                "More Rounds?", batches - 1));
        HistoryModel.Cycle benchmark = model.loop("Benchmark Done?");
        HistoryModel.Count reclaim = HistoryModel.visit(model.branch().path("Reclaimed During Benchmark?"))
                .plus(HistoryModel.visit(model.branch().path("Retry On Demand")));
        return fixed.times(2).plus(reclaim).plus(benchmark.count().times(benchmark.turns(hours)));
    }

    @Test
    void benchmarking_costsAtMostThirtyEventsPerTargetHour() throws IOException {
        HistoryModel.Cycle benchmark = model().loop("Benchmark Done?");
        long perHour = benchmark.count().events() * benchmark.turns(1);
        System.out.printf("benchmark loop: %d events, %d transitions per turn, a turn every %d s:"
                        + " %d events and %d transitions per target-hour%n", benchmark.count().events(),
                benchmark.count().transitions(), benchmark.seconds(), perHour,
                benchmark.count().transitions() * benchmark.turns(1));
        assertThat(perHour).isLessThanOrEqualTo(30);
    }

    @Test
    void hundredTargetsForADay_stayWithinTheHistoryQuota() throws IOException {
        HistoryModel model = model();
        HistoryModel.Count perTarget = worstTarget(model, HOURS, ROUND_BATCHES);
        HistoryModel.Count parent = model.parent(TARGETS, perTarget);
        HistoryModel.Count child = model.distributed() ? model.child(perTarget) : new HistoryModel.Count(0, 0);
        System.out.printf("%d targets x %.0f h, %d batches of rounds: per target %d events, %d transitions;"
                        + " run history %d events; each child execution %d events%n", TARGETS, HOURS, ROUND_BATCHES,
                perTarget.events(), perTarget.transitions(), parent.events(), child.events());
        assertThat(parent.events()).isLessThanOrEqualTo(HistoryModel.HISTORY_QUOTA);
        assertThat(child.events()).isLessThanOrEqualTo(HistoryModel.HISTORY_QUOTA);
    }

    @Test
    void hundredTargets_outcomesFitThePayloadQuota() throws IOException {
        // The target Map's result (every target's final state) is one state's output.
        List<TargetState> outcomes = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            outcomes.add(failedTarget(i));
        }
        int bytes = Json.write(outcomes).getBytes(StandardCharsets.UTF_8).length;
        JsonNode map = model().targetMap();
        System.out.printf("%d failed targets' outcomes: %d bytes%n", TARGETS, bytes);
        assertThat(map.path("ResultPath").asText()).isEqualTo("$.outcomes");
        assertThat(bytes).isLessThanOrEqualTo(HistoryModel.PAYLOAD_QUOTA_BYTES);
    }

    /** A target that failed late: every field set, a long error. */
    private static TargetState failedTarget(int i) {
        String id = "arm64-c7g-4xlarge-on-demand-r" + i;
        LaunchedInstance instance = new LaunchedInstance("i-0123456789abcdef0", "on-demand", "us-east-1a",
                "ami-0123456789abcdef0", false, "2026-12-07T19:31:02Z", 2.32);
        return TargetState.start("run-20261207-193000-abcdef", Instant.parse("2026-12-08T19:30:00Z"),
                        new PlannedTarget(id, Architecture.ARM64, "c7g.16xlarge", Market.ON_DEMAND, 1, 86_400))
                .toBuilder()
                .instance(instance).ready(true).readyAt(Instant.parse("2026-12-07T19:31:40Z"))
                .command("0b6f0e2c-1c3e-4f5b-9a1e-2f3c4d5e6f70").startedAt(Instant.parse("2026-12-07T19:32:10Z"))
                .rounds(40)
                .progress(new Progress("running", 11, 24, "evm-transfer-erc20-long-name", null,
                        "2026-12-08T01:02:03Z", 37, "candidate"))
                .error(new StepError("dev.cloudbench.core.error.BenchmarkFailedException", "x".repeat(600)))
                .failedState("Check Benchmark").attempt(1).interrupted(instance)
                .build();
    }
}
