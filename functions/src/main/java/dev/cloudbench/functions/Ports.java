package dev.cloudbench.functions;

import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The adapters one deployment of the handlers works with: AWS ones in Lambda, local ones for
 * {@code cloudbench local}, fakes in tests.
 *
 * @param images       machine images
 * @param fleet        instances
 * @param shell        commands on instances
 * @param store        results
 * @param executions   the state machine's executions (for the sweeper)
 * @param clock        time
 * @param randomSuffix random characters for generated run ids
 * @param capacity     what the provider offers (instance types, zones, quotas), checked by "Plan Run"
 */
public record Ports(ImagePort images, FleetPort fleet, RemoteShellPort shell, ResultStorePort store,
                    ExecutionsPort executions, Clock clock, Supplier<String> randomSuffix, CapacityPort capacity) {

    public Ports withImages(ImagePort replacement) {
        return new Ports(replacement, fleet, shell, store, executions, clock, randomSuffix, capacity);
    }

    public Ports withFleet(FleetPort replacement) {
        return new Ports(images, replacement, shell, store, executions, clock, randomSuffix, capacity);
    }

    public Ports withCapacity(CapacityPort replacement) {
        return new Ports(images, fleet, shell, store, executions, clock, randomSuffix, replacement);
    }
}
