package dev.cloudbench.cli.local;

import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.TaggedInstance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fleet on this host. Like an EC2 instance that shuts itself down at the run's deadline, a
 * local instance is terminated at its deadline by a timer, whatever the state machine does. Closed
 * with its run, after its instances were terminated: the timer ends then, instead of holding a
 * thread and the host until deadlines an hour or more away.
 */
public final class LocalFleet implements FleetPort, AutoCloseable {
    private final LocalHost host;
    private final Clock clock;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-instance-deadlines");
        t.setDaemon(true);
        return t;
    });

    public LocalFleet(LocalHost host, Clock clock) {
        this.host = host;
        this.clock = clock;
    }

    @Override
    public synchronized LaunchedInstance launch(LaunchSpec spec) {
        Optional<LocalHost.Instance> existing = host.live().stream()
                .filter(i -> i.runId.equals(spec.runId()) && i.targetId.equals(spec.targetId())).findFirst();
        if (existing.isPresent()) {
            return new LaunchedInstance(existing.get().id, "local", "localhost", spec.imageId(), true);
        }
        LocalHost.Instance instance = host.create(spec.runId(), spec.targetId(), spec.deadline());
        long delay = Math.max(0, Duration.between(clock.instant(), spec.deadline()).toMillis());
        deadlines.schedule(() -> host.terminate(instance.id), delay, TimeUnit.MILLISECONDS);
        return new LaunchedInstance(instance.id, "local", "localhost", spec.imageId(), false,
                clock.instant().toString(), null);
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        LocalHost.Instance instance = host.get(instanceId);
        if (instance == null || instance.terminated) {
            return new InstanceStatus(InstanceStatus.State.TERMINATED, instance == null ? "unknown instance" : null);
        }
        return new InstanceStatus(InstanceStatus.State.RUNNING, null);
    }

    @Override
    public void terminate(List<String> instanceIds) {
        instanceIds.forEach(host::terminate);
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        return host.live().stream()
                .filter(i -> i.runId.equals(runId) && (targetIdOrNull == null || i.targetId.equals(targetIdOrNull)))
                .map(LocalHost.Instance::id)
                .toList();
    }

    @Override
    public List<TaggedInstance> findTagged() {
        return host.live().stream()
                .map(i -> new TaggedInstance(i.id, TaggedInstance.BENCHMARK, i.runId, i.targetId, i.deadline))
                .toList();
    }

    @Override
    public void close() {
        LocalHost.shutDown(deadlines);
    }
}
