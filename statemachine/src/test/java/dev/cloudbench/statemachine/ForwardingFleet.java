package dev.cloudbench.statemachine;

import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.TaggedInstance;
import java.util.List;

/** A fleet that passes every call on to another: a scenario overrides only what its fault changes. */
class ForwardingFleet implements FleetPort {
    final FleetPort local;

    ForwardingFleet(FleetPort local) {
        this.local = local;
    }

    @Override
    public LaunchedInstance launch(LaunchSpec spec) {
        return local.launch(spec);
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        return local.describe(instanceId);
    }

    @Override
    public void terminate(List<String> instanceIds) {
        local.terminate(instanceIds);
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        return local.findLive(runId, targetIdOrNull);
    }

    @Override
    public List<TaggedInstance> findTagged() {
        return local.findTagged();
    }
}
