package dev.cloudbench.cli.cloud;

import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.TaggedInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet that looks but never acts: finding and describing go to the real fleet, terminating is
 * only recorded. The cleanup services run against it to list what they would terminate.
 */
public final class DryRunFleet implements FleetPort {
    private final FleetPort fleet;
    private final List<String> wouldTerminate = new ArrayList<>();

    public DryRunFleet(FleetPort fleet) {
        this.fleet = fleet;
    }

    /** What the services asked to terminate, in order. */
    public List<String> wouldTerminate() {
        return List.copyOf(wouldTerminate);
    }

    @Override
    public LaunchedInstance launch(LaunchSpec spec) {
        throw new IllegalStateException("a dry run launches nothing");
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        return fleet.describe(instanceId);
    }

    @Override
    public void terminate(List<String> instanceIds) {
        wouldTerminate.addAll(instanceIds);
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        return fleet.findLive(runId, targetIdOrNull);
    }

    @Override
    public List<TaggedInstance> findTagged() {
        return fleet.findTagged();
    }
}
