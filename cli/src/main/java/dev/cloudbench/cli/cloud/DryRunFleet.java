package dev.cloudbench.cli.cloud;

import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ForwardingFleet;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet that looks but never acts: finding and describing go to the real fleet, terminating is
 * only recorded. The cleanup services run against it to list what they would terminate.
 */
public final class DryRunFleet extends ForwardingFleet {
    private final List<String> wouldTerminate = new ArrayList<>();

    public DryRunFleet(FleetPort fleet) {
        super(fleet);
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
    public void terminate(List<String> instanceIds) {
        wouldTerminate.addAll(instanceIds);
    }
}
