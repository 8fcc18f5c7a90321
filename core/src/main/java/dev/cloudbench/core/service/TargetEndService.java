package dev.cloudbench.core.service;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.run.TargetState;
import java.time.Clock;
import java.util.List;

/**
 * The two ways a target's branch ends: "Terminate Instance" after collecting, and
 * "Terminate After Failure" from any Catch in the branch. Both terminate everything tagged for the
 * target; the failure path also copies what the instance left in its inbox and keeps the
 * environment it reported, so results measured before the failure are reported with it.
 */
public final class TargetEndService {
    private final InstanceService instances;
    private final BenchmarkService benchmarks;
    private final ResultStorePort store;
    private final Clock clock;

    public TargetEndService(InstanceService instances, BenchmarkService benchmarks, ResultStorePort store, Clock clock) {
        this.instances = instances;
        this.benchmarks = benchmarks;
        this.store = store;
        this.clock = clock;
    }

    public TargetOutcome succeeded(TargetState state) {
        List<String> terminated = instances.terminate(state);
        return new TargetOutcome(state.target().targetId(), TargetOutcome.SUCCEEDED, null, terminated,
                clock.instant().toString());
    }

    public TargetOutcome failed(TargetState state) {
        List<String> terminated = instances.terminate(state);
        String terminatedAt = clock.instant().toString();
        String targetId = state.target().targetId();
        // The error may have come from anywhere (a task's timeout, a crash): what the instance
        // uploaded before it is kept, through the same checks as after a command.
        try {
            benchmarks.copyInbox(state);
        } catch (RuntimeException e) {
            System.err.println("cloudbench: the inbox of target " + targetId + " was not copied: " + e.getMessage());
        }
        boolean reported = !store.list(StoreLayout.envPrefix(state.runId(), targetId)).isEmpty();
        if (reported) {
            benchmarks.writeEnvironment(state, clock.instant().toString());
        }
        String name = state.error() == null ? "Error" : state.error().error();
        TargetError error = new TargetError(name, RunRecords.message(state.error()), state.failedState());
        return new TargetOutcome(targetId, TargetOutcome.FAILED, error, terminated, terminatedAt);
    }
}
