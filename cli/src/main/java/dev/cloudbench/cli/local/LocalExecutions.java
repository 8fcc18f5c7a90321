package dev.cloudbench.cli.local;

import dev.cloudbench.core.port.ExecutionsPort;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The executions of this process: a run is running while `cloudbench local` executes it. */
public final class LocalExecutions implements ExecutionsPort {
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    void started(String runId) {
        running.add(runId);
    }

    void ended(String runId) {
        running.remove(runId);
    }

    @Override
    public boolean isRunning(String runId) {
        return running.contains(runId);
    }
}
