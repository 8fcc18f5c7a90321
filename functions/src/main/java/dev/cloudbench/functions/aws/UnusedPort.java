package dev.cloudbench.functions.aws;

import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.port.TaggedInstance;
import dev.cloudbench.core.port.VcpuQuota;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A port a task never calls ({@link AwsPorts#unused}): every call is a wiring mistake and fails
 * with an {@link IllegalStateException} naming the task, the port and the method. A plain class
 * rather than a {@link java.lang.reflect.Proxy}: generating proxy classes is cold-start time.
 */
final class UnusedPort implements ImagePort, FleetPort, RemoteShellPort, ResultStorePort, ExecutionsPort,
        CapacityPort {
    private final String port;
    private final String task;

    UnusedPort(String port, String task) {
        this.port = port;
        this.task = task;
    }

    private IllegalStateException called(String method) {
        return new IllegalStateException("task " + task + " does not use " + port + " (" + method + " was called)");
    }

    @Override
    public String toString() {
        return "unused " + port + " of " + task;
    }

    @Override
    public String fingerprint(Architecture architecture) {
        throw called("fingerprint");
    }

    @Override
    public Optional<String> find(Architecture architecture, String fingerprint) {
        throw called("find");
    }

    @Override
    public String startBuild(Architecture architecture, String fingerprint) {
        throw called("startBuild");
    }

    @Override
    public BuildStatus buildStatus(String buildId) {
        throw called("buildStatus");
    }

    @Override
    public LaunchedInstance launch(LaunchSpec spec) {
        throw called("launch");
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        throw called("describe");
    }

    @Override
    public void terminate(List<String> instanceIds) {
        throw called("terminate");
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        throw called("findLive");
    }

    @Override
    public List<TaggedInstance> findTagged() {
        throw called("findTagged");
    }

    @Override
    public boolean isReady(String instanceId) {
        throw called("isReady");
    }

    @Override
    public String start(String instanceId, String script, int timeoutSeconds, String logPrefix) {
        throw called("start");
    }

    @Override
    public CommandStatus status(String instanceId, String commandId) {
        throw called("status");
    }

    @Override
    public void put(String key, byte[] content) {
        throw called("put");
    }

    @Override
    public Optional<byte[]> get(String key) {
        throw called("get");
    }

    @Override
    public List<String> list(String prefix) {
        throw called("list");
    }

    @Override
    public String shellUploadFunction() {
        throw called("shellUploadFunction");
    }

    @Override
    public String inbox(String instanceId) {
        throw called("inbox");
    }

    @Override
    public boolean isRunning(String runId) {
        throw called("isRunning");
    }

    @Override
    public boolean isExecutionRunning(String executionArn) {
        throw called("isExecutionRunning");
    }

    @Override
    public boolean sendTaskSuccess(String taskToken, String output) {
        throw called("sendTaskSuccess");
    }


    @Override
    public List<String> zones() {
        throw called("zones");
    }

    @Override
    public Map<String, InstanceTypeFacts> instanceTypes(Set<String> instanceTypes) {
        throw called("instanceTypes");
    }

    @Override
    public List<String> allowedInstanceTypes() {
        throw called("allowedInstanceTypes");
    }

    @Override
    public Map<Market, VcpuQuota> vcpuQuotas() {
        throw called("vcpuQuotas");
    }
}
