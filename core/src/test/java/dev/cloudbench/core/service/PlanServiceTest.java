package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import dev.cloudbench.core.testing.FakeCapacity;
import dev.cloudbench.core.testing.InMemoryStore;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.RunPlan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanServiceTest {
    private final InMemoryStore store = new InMemoryStore();
    private final FakeCapacity capacity = FakeCapacity.usual();
    private final PlanService planner = new PlanService(store,
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC), () -> "k3x9", capacity);

    private static final String TARGETS = """
            [{"architecture":"x86_64","instanceType":"c7i.large"},
             {"architecture":"arm64","instanceType":"c7g.large","market":"spot"},
             {"architecture":"arm64","instanceType":"c7g.large","market":"spot"}]""";

    @Test
    void plan_namesTheRun_leavesRoomForImageBuildsBeforeTheTargetsTime_andStoresTheRequest() {
        RunPlan plan = planner.plan(InputReader.request("{\"suite\":{\"name\":\"quick\",\"benchmarks\":"
                + "[{\"name\":\"a\",\"command\":\"true\"}]},\"targets\":" + TARGETS + ",\"limits\":{\"runTimeoutSeconds\":600}}"),
                null);
        assertThat(plan.runId()).isEqualTo("quick-20261127T120000Z-k3x9");
        // Two hours for image builds (the build project's timeout), then the targets' 600 s.
        assertThat(plan.deadline()).isEqualTo("2026-11-27T14:10:00Z");
        assertThat(plan.targets()).extracting(PlannedTarget::timeoutSeconds).containsOnly(600);
        assertThat(plan.maxConcurrency()).isEqualTo(4);
        assertThat(plan.targets()).extracting(PlannedTarget::targetId)
                .containsExactly("c7i.large-x86_64", "c7g.large-arm64", "c7g.large-arm64-2");
        assertThat(plan.targets().get(0).market()).isEqualTo(Market.SPOT_OR_ON_DEMAND);
        assertThat(store.text("runs/quick-20261127T120000Z-k3x9/request.json")).contains("\"runId\" : \"quick-20261127T120000Z-k3x9\"");
    }

    @Test
    void plan_shortensALongSuiteName_soThatTheGeneratedRunIdIsASafeName() {
        String suite = "s".repeat(60);
        RunPlan plan = planner.plan(InputReader.request("{\"suite\":{\"name\":\"" + suite + "\",\"benchmarks\":"
                + "[{\"name\":\"a\",\"command\":\"true\"}]},\"targets\":" + TARGETS + "}"), null);

        assertThat(plan.runId()).isEqualTo("s".repeat(42) + "-20261127T120000Z-k3x9");
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

    private static String request(String targets) {
        return "{\"runId\":\"r1\",\"suite\":{\"name\":\"q\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]},"
                + "\"targets\":" + targets + "}";
    }

    @Test
    void plan_refusesATypeOfTheWrongArchitecture_beforeStoringAnything() {
        assertThatThrownBy(() -> planner.plan(InputReader.request(request(
                "[{\"architecture\":\"x86_64\",\"instanceType\":\"c7g.large\"}]")), null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("request.targets[0].architecture: target c7g.large-x86_64: c7g.large runs arm64, not x86_64");
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void plan_reportsEveryProblemAtOnce_oneLineEach_namingTargetAndField() {
        capacity.allowed.clear();
        capacity.allowed.addAll(List.of("c7*.large", "c7*.xlarge"));
        capacity.types.put("c7i.xlarge", new InstanceTypeFacts("c7i.xlarge", List.of("x86_64"), 4, List.of("zone-z"),
                List.of("on-demand"), true));

        assertThatThrownBy(() -> planner.plan(InputReader.request(request("""
                [{"id":"big","architecture":"x86_64","instanceType":"m7i.48xlarge"},
                 {"id":"typo","architecture":"arm64","instanceType":"c7x.large"},
                 {"id":"far","architecture":"x86_64","instanceType":"c7i.xlarge","market":"spot"},
                 {"id":"fine","architecture":"arm64","instanceType":"c7g.large"}]""")), null))
                .isInstanceOf(BadInputException.class)
                .hasMessage(String.join("\n",
                        "request.targets[0].instanceType: target big: m7i.48xlarge is not in the stack's "
                                + "AllowedInstanceTypes (c7*.large, c7*.xlarge)",
                        "request.targets[1].instanceType: target typo: unknown instance type 'c7x.large' in this region",
                        "request.targets[2].instanceType: target far: c7i.xlarge is not offered in the stack's zones "
                                + "(zone-a, zone-b)",
                        "request.targets[2].market: target far: c7i.xlarge is not sold as spot here"));
        assertThat(store.list("")).isEmpty();
        assertThat(capacity.asked).containsExactly(java.util.Set.of("m7i.48xlarge", "c7x.large", "c7i.xlarge",
                "c7g.large"));
    }

    @Test
    void plan_refusesARun_whoseConcurrentTargetsExceedTheMarketsVcpuQuota() {
        capacity.type("c7i.4xlarge", "x86_64", 16);
        capacity.quotas.put(Market.ON_DEMAND, new VcpuQuota("Running On-Demand Standard instances (L-1216C47A)", 32, 4));

        assertThatThrownBy(() -> planner.plan(InputReader.request(request("""
                [{"id":"a","architecture":"x86_64","instanceType":"c7i.4xlarge","market":"on-demand"},
                 {"id":"b","architecture":"x86_64","instanceType":"c7i.4xlarge","market":"on-demand"},
                 {"id":"c","architecture":"x86_64","instanceType":"c7i.large","market":"spot"}]""")), null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("request.targets[0,1].market: targets a, b need up to 32 on-demand vCPUs at once, but the "
                        + "account's quota \"Running On-Demand Standard instances (L-1216C47A)\" has 28 free (32, 4 in "
                        + "use); lower limits.maxConcurrentTargets, choose smaller types or ask for a quota increase");
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void plan_countsOnlyTheTargetsThatRunAtOnce_againstTheQuota() {
        capacity.type("c7i.4xlarge", "x86_64", 16);
        capacity.quotas.put(Market.ON_DEMAND, new VcpuQuota("on-demand standard", 20, 0));

        RunPlan plan = planner.plan(InputReader.request("""
                {"runId":"r1","suite":{"name":"q","benchmarks":[{"name":"a","command":"true"}]},
                 "targets":[{"id":"a","architecture":"x86_64","instanceType":"c7i.4xlarge","market":"on-demand"},
                            {"id":"b","architecture":"x86_64","instanceType":"c7i.4xlarge","market":"on-demand"}],
                 "limits":{"maxConcurrentTargets":1}}"""), null);

        assertThat(plan.targets()).hasSize(2);
    }

    @Test
    void plan_letsSpotOrOnDemandTargetsFallBackToOnDemand_whenOnlyThatQuotaHoldsThem() {
        capacity.quotas.put(Market.SPOT, new VcpuQuota("spot standard", 1, 0));
        capacity.quotas.put(Market.ON_DEMAND, new VcpuQuota("on-demand standard", 8, 0));

        RunPlan plan = planner.plan(InputReader.request(request(
                "[{\"architecture\":\"x86_64\",\"instanceType\":\"c7i.large\"}]")), null);

        assertThat(plan.targets()).singleElement().extracting(PlannedTarget::market).isEqualTo(Market.SPOT_OR_ON_DEMAND);
    }

    @Test
    void plan_expandsAReplicatedTarget_intoOneTargetPerReplica_namedAfterIt() {
        RunPlan plan = planner.plan(InputReader.request(request("""
                [{"id":"arm","architecture":"arm64","instanceType":"c7g.large","market":"spot","replicas":3},
                 {"architecture":"x86_64","instanceType":"c7i.large"},
                 {"architecture":"x86_64","instanceType":"c7i.large","replicas":2}]""")), null);

        assertThat(plan.targets()).extracting(PlannedTarget::targetId).containsExactly("arm-r1", "arm-r2", "arm-r3",
                "c7i.large-x86_64", "c7i.large-x86_64-2-r1", "c7i.large-x86_64-2-r2");
        assertThat(plan.targets()).extracting(PlannedTarget::replicaOf).containsExactly("arm", "arm", "arm", null,
                "c7i.large-x86_64-2", "c7i.large-x86_64-2");
        assertThat(plan.targets()).extracting(PlannedTarget::replica).containsExactly(1, 2, 3, null, 1, 2);
        assertThat(plan.targets().subList(0, 3)).allSatisfy(t -> {
            assertThat(t.instanceType()).isEqualTo("c7g.large");
            assertThat(t.market()).isEqualTo(Market.SPOT);
            assertThat(t.timeoutSeconds()).isEqualTo(3600);
        });
    }

    @Test
    void plan_ofOneReplica_isTheTargetAsBefore_byteForByte() {
        String plain = "[{\"architecture\":\"x86_64\",\"instanceType\":\"c7i.large\"}]";
        String one = "[{\"architecture\":\"x86_64\",\"instanceType\":\"c7i.large\",\"replicas\":1}]";

        RunPlan a = new PlanService(new InMemoryStore(), Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"),
                ZoneOffset.UTC), () -> "k3x9", capacity).plan(InputReader.request(request(plain)), "x");
        RunPlan b = planner.plan(InputReader.request(request(one)), "x");

        assertThat(new String(dev.cloudbench.core.json.Json.writePretty(b)))
                .isEqualTo(new String(dev.cloudbench.core.json.Json.writePretty(a)))
                .doesNotContain("replica");
    }

    @Test
    void plan_refusesAReplicaId_thatIsAnotherTargetsId() {
        assertThatThrownBy(() -> planner.plan(InputReader.request(request("""
                [{"id":"a","architecture":"arm64","instanceType":"c7g.large","replicas":2},
                 {"id":"a-r2","architecture":"arm64","instanceType":"c7g.large"}]""")), null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("request.targets[0].id: replica id 'a-r2' is also the id of another target");
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void plan_countsEveryReplica_againstTheVcpuQuota_andNamesTheRequestsTarget() {
        capacity.type("c7i.4xlarge", "x86_64", 16);
        capacity.quotas.put(Market.ON_DEMAND, new VcpuQuota("on-demand standard", 40, 0));
        String three = """
                [{"id":"a","architecture":"x86_64","instanceType":"c7i.4xlarge","market":"on-demand","replicas":3}]""";

        assertThatThrownBy(() -> planner.plan(InputReader.request(request(three)), null))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("request.targets[0].market: targets a-r1, a-r2, a-r3 need up to 48 on-demand "
                        + "vCPUs at once, but the account's quota \"on-demand standard\" has 40 free");
        RunPlan two = planner.plan(InputReader.request(request(three.replace("\"replicas\":3", "\"replicas\":2"))),
                null);
        assertThat(two.targets()).hasSize(2);
    }

    @Test
    void plan_reportsATypeProblemOfAReplicatedTarget_once() {
        assertThatThrownBy(() -> planner.plan(InputReader.request(request(
                "[{\"id\":\"w\",\"architecture\":\"x86_64\",\"instanceType\":\"c7g.large\",\"replicas\":4}]")),
                null))
                .isInstanceOf(BadInputException.class)
                .hasMessage("request.targets[0].architecture: target w: c7g.large runs arm64, not x86_64");
    }
}
