package dev.cloudbench.core.testing;

import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region in memory: the instance types it has, the stack's zones, the allowed patterns and the
 * quotas, all set by the test. Records what it was asked.
 */
public final class FakeCapacity implements CapacityPort {
    public final List<String> zones = new ArrayList<>(List.of("zone-a", "zone-b"));
    public final Map<String, InstanceTypeFacts> types = new HashMap<>();
    public final List<String> allowed = new ArrayList<>(List.of("*"));
    public final Map<Market, VcpuQuota> quotas = new EnumMap<>(Market.class);
    public final List<Set<String>> asked = new ArrayList<>();

    /** The types of the core tests' requests (c7i.large x86_64, c7g.large arm64), in both zones, no quota. */
    public static FakeCapacity usual() {
        FakeCapacity c = new FakeCapacity();
        c.type("c7i.large", "x86_64", 2);
        c.type("c7g.large", "arm64", 2);
        return c;
    }

    /** A standard-family type in both zones, sold on both markets. */
    public FakeCapacity type(String name, String architecture, int vcpus) {
        types.put(name, new InstanceTypeFacts(name, List.of(architecture), vcpus, zones,
                List.of("spot", "on-demand"), true));
        return this;
    }

    @Override
    public List<String> zones() {
        return List.copyOf(zones);
    }

    @Override
    public Map<String, InstanceTypeFacts> instanceTypes(Set<String> instanceTypes) {
        asked.add(Set.copyOf(instanceTypes));
        Map<String, InstanceTypeFacts> out = new LinkedHashMap<>();
        instanceTypes.forEach(n -> {
            if (types.containsKey(n)) {
                out.put(n, types.get(n));
            }
        });
        return out;
    }

    @Override
    public List<String> allowedInstanceTypes() {
        return List.copyOf(allowed);
    }

    @Override
    public Map<Market, VcpuQuota> vcpuQuotas() {
        return Map.copyOf(quotas);
    }
}
