package dev.cloudbench.core.service;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.model.Limits;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.RunPlan;
import dev.cloudbench.core.runid.RunIds;
import dev.cloudbench.core.validation.CapacityCheck;
import dev.cloudbench.core.validation.Names;
import dev.cloudbench.core.validation.RequestValidator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * "Plan Run": validates the request, checks that its targets can run here (capacity), fixes ids
 * and the run's deadline, stores request.json.
 */
public final class PlanService {
    private final ResultStorePort store;
    private final Clock clock;
    private final RunIds runIds;
    private final CapacityPort capacity;

    /**
     * @param randomSuffix a few random characters that make generated run ids unique
     * @param capacity     what the provider offers, checked before anything is stored
     */
    public PlanService(ResultStorePort store, Clock clock, Supplier<String> randomSuffix, CapacityPort capacity) {
        this.store = store;
        this.clock = clock;
        this.runIds = new RunIds(randomSuffix);
        this.capacity = capacity;
    }

    /**
     * Plans a run. The run id is the request's, else the execution's name (so that everything
     * tagged with the run can be found from the execution alone), else a generated one. Planning
     * the same request again under the same run id — a retried task whose first answer was
     * lost — returns the first plan.
     *
     * <p>The run's deadline leaves room for image builds ({@link Limits#IMAGE_BUILD_ALLOWANCE_SECONDS})
     * before the targets' own time ({@code limits.runTimeoutSeconds}, counted from each launch).
     *
     * @param executionName the Step Functions execution's name, or null
     * @throws BadInputException when the request is invalid, its run id was used by another request,
     *                           or its targets cannot run here (every problem, one line each)
     */
    public RunPlan plan(RunRequest request, String executionName) {
        RequestValidator.validate(request);
        Instant now = clock.instant();
        String runId = request.runId() != null ? request.runId()
                : Names.isSafe(executionName) ? executionName
                : runIds.generate(request.suite().name(), now);
        RunRequest stored = new RunRequest(runId, request.suite(), request.targets(), request.limits());
        var existing = store.get(StoreLayout.request(runId));
        if (existing.isPresent()) {
            var plan = store.get(StoreLayout.plan(runId));
            if (plan.isPresent() && Json.read(existing.get(), RunRequest.class).equals(stored)) {
                return Json.read(plan.get(), RunPlan.class);
            }
            throw new BadInputException("request.runId: run '" + runId + "' already exists; results are never overwritten");
        }
        Limits limits = request.effectiveLimits();
        List<PlannedTarget> targets = plannedTargets(request.targets(), limits.effectiveRunTimeoutSeconds());
        List<String> problems = CapacityCheck.problems(targets, requestIndexes(request.targets()),
                limits.effectiveMaxConcurrentTargets(), capacity);
        if (!problems.isEmpty()) {
            throw new BadInputException(String.join("\n", problems));
        }
        store.put(StoreLayout.request(runId), Json.writePretty(stored));
        Instant deadline = now.plusSeconds(Limits.IMAGE_BUILD_ALLOWANCE_SECONDS + limits.effectiveRunTimeoutSeconds());
        RunPlan plan = new RunPlan(runId, request.suite().name(), deadline.toString(),
                limits.effectiveMaxConcurrentTargets(), targets);
        store.put(StoreLayout.plan(runId), Json.writePretty(plan));
        return plan;
    }

    /**
     * Target ids: given ones as they are; others from type, architecture and market, made unique. A
     * target with {@code replicas} N above 1 becomes N planned targets {@code <id>-r1} … {@code <id>-rN},
     * each naming the target it replicates; with one replica the target is planned as it always was.
     */
    public static List<PlannedTarget> plannedTargets(List<Target> targets) {
        return plannedTargets(targets, null);
    }

    /** @param timeoutSeconds each target's time from its launch, or null */
    static List<PlannedTarget> plannedTargets(List<Target> targets, Integer timeoutSeconds) {
        List<PlannedTarget> planned = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            String base = t.id() != null ? t.id() : t.instanceType() + "-" + t.architecture();
            if (t.id() != null && used.contains(base)) {
                throw new BadInputException("request.targets[" + i + "].id: duplicate target id '" + base + "'");
            }
            String id = base;
            for (int n = 2; used.contains(id); n++) {
                id = base + "-" + n;
            }
            used.add(id);
            ids.add(id);
        }
        Set<String> instances = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            Market market = Market.parse(t.effectiveMarket(), "targets[" + i + "].market");
            Architecture architecture = Architecture.parse(t.architecture(), "targets[" + i + "].architecture");
            String id = ids.get(i);
            int replicas = t.effectiveReplicas();
            for (int r = 1; r <= replicas; r++) {
                String instanceId = replicas == 1 ? id : PlannedTarget.replicaId(id, r);
                if (!instances.add(instanceId) || replicas > 1 && used.contains(instanceId)) {
                    throw new BadInputException("request.targets[" + i + "].id: replica id '" + instanceId
                            + "' is also the id of another target");
                }
                planned.add(new PlannedTarget(instanceId, architecture, t.instanceType(), market, t.threadsPerCore(),
                        timeoutSeconds, replicas == 1 ? null : id, replicas == 1 ? null : r));
            }
        }
        return planned;
    }

    /** For each planned target, the index of the request's target it comes from (replicas share one). */
    public static List<Integer> requestIndexes(List<Target> targets) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            for (int r = 0; r < targets.get(i).effectiveReplicas(); r++) {
                indexes.add(i);
            }
        }
        return indexes;
    }
}
