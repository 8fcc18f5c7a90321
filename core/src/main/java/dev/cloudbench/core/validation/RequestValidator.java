package dev.cloudbench.core.validation;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Limits;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.run.PlannedTarget;

/** Checks a whole run request: its suite, its targets and its limits. */
public final class RequestValidator {
    /**
     * More instances than this in one run (targets × their replicas) is almost certainly a mistake
     * that would cost money. The state machine runs each instance as a child execution (Distributed
     * Map), so its history quota holds for this many for 24 hours (HistoryBudgetTest in statemachine).
     */
    public static final int MAX_TARGETS = 100;

    private RequestValidator() {
    }

    public static RunRequest validate(RunRequest request) {
        if (request == null) {
            throw new BadInputException("request: missing");
        }
        if (request.runId() != null && !Names.isSafe(request.runId())) {
            throw new BadInputException("request.runId: '" + request.runId()
                    + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        SuiteValidator.validate(request.suite(), "request.suite");
        if (request.targets() == null || request.targets().isEmpty()) {
            throw new BadInputException("request.targets: missing (a run needs at least one target)");
        }
        if (request.targets().size() > MAX_TARGETS) {
            throw new BadInputException("request.targets: " + request.targets().size()
                    + " targets, at most " + MAX_TARGETS + " allowed");
        }
        for (int i = 0; i < request.targets().size(); i++) {
            checkTarget(request.targets().get(i), "request.targets[" + i + "]");
        }
        int instances = request.targets().stream().mapToInt(Target::effectiveReplicas).sum();
        if (instances > MAX_TARGETS) {
            throw new BadInputException("request.targets: " + request.targets().size() + " targets with their replicas"
                    + " are " + instances + " instances, at most " + MAX_TARGETS + " allowed");
        }
        checkLimits(request.effectiveLimits());
        return request;
    }

    private static void checkTarget(Target t, String at) {
        if (t == null) {
            throw new BadInputException(at + ": missing");
        }
        if (t.id() != null && !Names.isSafe(t.id())) {
            throw new BadInputException(at + ".id: '" + t.id() + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (t.architecture() == null) {
            throw new BadInputException(at + ".architecture: missing");
        }
        Architecture.parse(t.architecture(), at + ".architecture");
        if (t.instanceType() == null || !Names.INSTANCE_TYPE.matcher(t.instanceType()).matches()) {
            throw new BadInputException(at + ".instanceType: '" + t.instanceType()
                    + "' is not an instance type (like c7g.large)");
        }
        Market.parse(t.effectiveMarket(), at + ".market");
        if (t.threadsPerCore() != null && t.threadsPerCore() != 1 && t.threadsPerCore() != 2) {
            throw new BadInputException(at + ".threadsPerCore: must be 1 or 2, was " + t.threadsPerCore());
        }
        if (t.replicas() != null && (t.replicas() < 1 || t.replicas() > Target.MAX_REPLICAS)) {
            throw new BadInputException(at + ".replicas: must be between 1 and " + Target.MAX_REPLICAS + ", was "
                    + t.replicas());
        }
        if (t.id() != null && t.effectiveReplicas() > 1
                && !Names.isSafe(PlannedTarget.replicaId(t.id(), t.effectiveReplicas()))) {
            throw new BadInputException(at + ".id: '" + t.id() + "' is too long for " + t.effectiveReplicas()
                    + " replicas, named '" + PlannedTarget.replicaId(t.id(), 1) + "' and on (at most 64 characters)");
        }
    }

    private static void checkLimits(Limits limits) {
        int timeout = limits.effectiveRunTimeoutSeconds();
        if (timeout < 60 || timeout > Limits.MAX_RUN_TIMEOUT_SECONDS) {
            throw new BadInputException("request.limits.runTimeoutSeconds: must be between 60 and "
                    + Limits.MAX_RUN_TIMEOUT_SECONDS + ", was " + timeout);
        }
        int concurrent = limits.effectiveMaxConcurrentTargets();
        if (concurrent < 1 || concurrent > MAX_TARGETS) {
            throw new BadInputException("request.limits.maxConcurrentTargets: must be between 1 and "
                    + MAX_TARGETS + ", was " + concurrent);
        }
    }
}
