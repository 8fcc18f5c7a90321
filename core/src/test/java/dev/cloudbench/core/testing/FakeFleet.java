package dev.cloudbench.core.testing;

import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.TaggedInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fleet in memory: instances are ids tagged with run and target. */
public final class FakeFleet implements FleetPort {
    public final Map<String, LaunchSpec> live = new LinkedHashMap<>();
    public final List<String> terminated = new ArrayList<>();
    public InstanceStatus status = new InstanceStatus(InstanceStatus.State.RUNNING, null);
    /** Instances tagged by this stack but launched elsewhere (image builders, other processes). */
    public final List<TaggedInstance> tagged = new ArrayList<>();

    @Override
    public LaunchedInstance launch(LaunchSpec spec) {
        String id = "i-" + (live.size() + terminated.size() + 1);
        live.put(id, spec);
        return new LaunchedInstance(id, "spot", "zone-a", spec.imageId(), false, null, 0.0357);
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        return live.containsKey(instanceId) ? status : new InstanceStatus(InstanceStatus.State.TERMINATED, null);
    }

    @Override
    public void terminate(List<String> instanceIds) {
        for (String id : instanceIds) {
            if (live.remove(id) != null || tagged.stream().anyMatch(t -> t.instanceId().equals(id))) {
                terminated.add(id);
            }
        }
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        return live.entrySet().stream()
                .filter(e -> e.getValue().runId().equals(runId)
                        && (targetIdOrNull == null || e.getValue().targetId().equals(targetIdOrNull)))
                .map(Map.Entry::getKey).toList();
    }

    @Override
    public List<TaggedInstance> findTagged() {
        List<TaggedInstance> all = new ArrayList<>(tagged.stream().filter(t -> !terminated.contains(t.instanceId())).toList());
        live.forEach((id, spec) -> all.add(new TaggedInstance(id, TaggedInstance.BENCHMARK, spec.runId(), spec.targetId(),
                spec.deadline(), spec.executionArn())));
        return all;
    }
}
