package dev.cloudbench.core.port;

import java.util.List;

/**
 * A fleet that passes every call on to another: a decorator overrides only what it changes (a dry
 * run that records instead of terminating; a test that injects a reclaim).
 */
public class ForwardingFleet implements FleetPort {
    private final FleetPort delegate;

    public ForwardingFleet(FleetPort delegate) {
        this.delegate = delegate;
    }

    @Override
    public LaunchedInstance launch(LaunchSpec spec) {
        return delegate.launch(spec);
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        return delegate.describe(instanceId);
    }

    @Override
    public void terminate(List<String> instanceIds) {
        delegate.terminate(instanceIds);
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        return delegate.findLive(runId, targetIdOrNull);
    }

    @Override
    public List<TaggedInstance> findTagged() {
        return delegate.findTagged();
    }
}
