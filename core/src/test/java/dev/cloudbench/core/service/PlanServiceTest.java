package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.RunPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlanServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final PlanService planner = new PlanService(store,
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC), () -> "k3x9");

    private static final String TARGETS = """
            [{"architecture":"x86_64","instanceType":"c7i.large"},
             {"architecture":"arm64","instanceType":"c7g.large","market":"spot"},
             {"architecture":"arm64","instanceType":"c7g.large","market":"spot"}]""";

    @Test
    void plan_namesTheRun_fixesTheDeadline_andStoresTheRequest() {
        RunPlan plan = planner.plan(InputReader.request("{\"suite\":{\"name\":\"quick\",\"benchmarks\":"
                + "[{\"name\":\"a\",\"command\":\"true\"}]},\"targets\":" + TARGETS + ",\"limits\":{\"runTimeoutSeconds\":600}}"),
                null);
        assertThat(plan.runId()).isEqualTo("quick-20261127T120000Z-k3x9");
        assertThat(plan.deadline()).isEqualTo("2026-11-27T12:10:00Z");
        assertThat(plan.maxConcurrency()).isEqualTo(4);
        assertThat(plan.targets()).extracting(PlannedTarget::targetId)
                .containsExactly("c7i.large-x86_64", "c7g.large-arm64", "c7g.large-arm64-2");
        assertThat(plan.targets().get(0).market()).isEqualTo("spot-or-on-demand");
        assertThat(store.text("runs/quick-20261127T120000Z-k3x9/request.json")).contains("\"runId\" : \"quick-20261127T120000Z-k3x9\"");
    }

    @Test
    void plan_usesTheExecutionName_whenTheRequestHasNoRunId() {
        RunPlan plan = planner.plan(InputReader.request("{\"suite\":{\"name\":\"q\",\"benchmarks\":"
                + "[{\"name\":\"a\",\"command\":\"true\"}]},\"targets\":" + TARGETS + "}"), "nightly-2026-11-27");
        assertThat(plan.runId()).isEqualTo("nightly-2026-11-27");
    }

    @Test
    void plan_returnsTheFirstPlan_whenTheSameRequestIsPlannedAgain() {
        String json = "{\"runId\":\"r1\",\"suite\":{\"name\":\"q\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]},"
                + "\"targets\":" + TARGETS + "}";
        RunPlan first = planner.plan(InputReader.request(json), null);
        assertThat(planner.plan(InputReader.request(json), null)).isEqualTo(first);
    }

    @Test
    void plan_neverReusesARunId_forAnotherRequest() {
        String json = "{\"runId\":\"r1\",\"suite\":{\"name\":\"q\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]},"
                + "\"targets\":" + TARGETS + "}";
        planner.plan(InputReader.request(json), null);
        String other = json.replace("\"true\"", "\"false\"");
        assertThatThrownBy(() -> planner.plan(InputReader.request(other), null)).isInstanceOf(BadInputException.class)
                .hasMessage("request.runId: run 'r1' already exists; results are never overwritten");
    }
}
