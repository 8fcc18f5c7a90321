package dev.cloudbench.cli.local;

import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What this host offers: every "instance type" is the host itself, so it runs the host's
 * architecture only, in the one zone {@code local}, bought on any market; any type name is allowed
 * and there is no vCPU quota. A target for another architecture is refused by "Plan Run" before
 * anything starts, as the AWS path refuses one.
 */
public final class LocalCapacity implements CapacityPort {
    static final String ZONE = "local";

    private final Architecture host;
    private final int vcpus;

    public LocalCapacity() {
        this(Architecture.ofHost(), Runtime.getRuntime().availableProcessors());
    }

    LocalCapacity(Architecture host, int vcpus) {
        this.host = host;
        this.vcpus = vcpus;
    }

    @Override
    public List<String> zones() {
        return List.of(ZONE);
    }

    @Override
    public Map<String, InstanceTypeFacts> instanceTypes(Set<String> instanceTypes) {
        Map<String, InstanceTypeFacts> out = new LinkedHashMap<>();
        instanceTypes.forEach(t -> out.put(t, new InstanceTypeFacts(t, List.of(host.id()), vcpus, List.of(ZONE),
                List.of(Market.SPOT.id(), Market.ON_DEMAND.id()), false)));
        return out;
    }

    @Override
    public List<String> allowedInstanceTypes() {
        return List.of("*");
    }

    @Override
    public Map<Market, VcpuQuota> vcpuQuotas() {
        return Map.of();
    }
}
