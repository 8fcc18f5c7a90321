package dev.cloudbench.core.service;

import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.error.InstanceNotReadyException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.TargetState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "Launch Instance", "Check Instance" and the termination of a target's instance. */
public final class InstanceService {
    /**
     * Readiness checks before giving up: with {@link #waitBeforeCheck(int)}'s backoff, about 13
     * minutes from the launch (15 s + 5 + 5 + 10 + 10 + 20 + 20 + 23 × 30 s).
     */
    public static final int MAX_READY_CHECKS = 30;

    /**
     * The waits before each readiness check, then {@link #LONGEST_WAIT_SECONDS} from there on. An
     * instance is not "running" and its SSM agent not registered within 15 s of RunInstances (EC2
     * starts a Linux AMI in tens of seconds; the agent registers once it has booted; see
     * docs/performance.md), so the first check waits that long; then short waits find the common
     * case (ready within a minute) within 5 s of its readiness, and longer ones keep a slow boot from
     * costing history events (each check is ~8).
     */
    private static final int[] WAITS_SECONDS = {15, 5, 5, 10, 10, 20, 20};
    private static final int LONGEST_WAIT_SECONDS = 30;

    private final FleetPort fleet;
    private final RemoteShellPort shell;
    private final ImagePort images;
    private final Clock clock;

    public InstanceService(FleetPort fleet, RemoteShellPort shell, ImagePort images, Clock clock) {
        this.fleet = fleet;
        this.shell = shell;
        this.images = images;
        this.clock = clock;
    }

    /** {@link #launch(TargetState, String)} with no execution known. */
    public TargetState launch(TargetState state) {
        return launch(state, null);
    }

    /**
     * Launches the target's instance. Its deadline counts from now — not from planning, which may
     * have been followed by image builds — by the target's time, and never passes the deadline the
     * state arrived with: the run's at the first launch, the first instance's for the on-demand
     * retry after a spot reclaim (the target's time is counted once).
     *
     * @param executionArn the execution launching it ({@code $$.Execution.Id}), tagged on the
     *                     instance for the sweeper; null when unknown
     */
    public TargetState launch(TargetState state, String executionArn) {
        PlannedTarget t = state.target();
        Architecture architecture = t.architecture();
        String imageId = images.find(architecture, images.fingerprint(architecture))
                .orElseThrow(() -> new ImageBuildFailedException("no image for " + architecture.id()
                        + " after image resolution"));
        Instant deadline = deadline(state);
        LaunchedInstance launched = fleet.launch(new LaunchSpec(state.runId(), t.targetId(), architecture.id(),
                t.instanceType(), t.market().id(), t.threadsPerCore(), imageId, deadline, state.attempt(), executionArn,
                t.replicaIndex()));
        // A fresh state for the new instance: only the run, the target, the attempt and the instance
        // a spot reclaim took away carry over.
        return TargetState.start(state.runId(), deadline, t).toBuilder().attempt(state.attempt())
                .interrupted(state.interrupted()).instance(launched).ready(false).waitSeconds(waitBeforeCheck(0))
                .build();
    }

    private Instant deadline(TargetState state) {
        Instant limit = state.deadline();
        Integer seconds = state.target().timeoutSeconds();
        if (seconds == null) {
            return limit;
        }
        Instant own = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
        return own.isBefore(limit) ? own : limit;
    }

    /**
     * @throws InstanceInterruptedException the instance went away before it was ready
     * @throws InstanceNotReadyException    it was not ready after {@link #MAX_READY_CHECKS} checks
     */
    public TargetState checkReady(TargetState state) {
        String id = state.instance().instanceId();
        InstanceStatus status = fleet.describe(id);
        if (status.state() == InstanceStatus.State.INTERRUPTED || status.state() == InstanceStatus.State.TERMINATED) {
            throw new InstanceInterruptedException("instance " + id + " of target " + state.target().targetId()
                    + " ended before it was ready" + (status.reason() == null ? "" : ": " + status.reason()));
        }
        boolean ready = status.state() == InstanceStatus.State.RUNNING && shell.isReady(id);
        if (!ready && state.checks() + 1 >= MAX_READY_CHECKS) {
            throw new InstanceNotReadyException("instance " + id + " of target " + state.target().targetId()
                    + " not ready for commands after " + (state.checks() + 1) + " checks");
        }
        return state.toBuilder().ready(ready).readyAt(ready ? clock.instant() : null).checked()
                .waitSeconds(ready ? null : waitBeforeCheck(state.checks() + 1)).build();
    }

    /** Seconds "Wait For Instance" waits before readiness check number {@code check} (0 = the first). */
    public static int waitBeforeCheck(int check) {
        return check < WAITS_SECONDS.length ? WAITS_SECONDS[check] : LONGEST_WAIT_SECONDS;
    }

    /**
     * Terminates the target's instance and anything else tagged for the target (a launch that
     * was retried, or that failed after the instance started). Returns the ids terminated.
     */
    public List<String> terminate(TargetState state) {
        Set<String> ids = new LinkedHashSet<>();
        if (state.instance() != null) {
            ids.add(state.instance().instanceId());
        }
        ids.addAll(fleet.findLive(state.runId(), state.target().targetId()));
        List<String> list = new ArrayList<>(ids);
        if (!list.isEmpty()) {
            fleet.terminate(list);
        }
        return list;
    }
}
