package dev.cloudbench.cli.local;

import dev.cloudbench.cli.engine.TaskTokens;
import dev.cloudbench.core.port.ExecutionsPort;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions of this process: a run is running while `cloudbench local` executes it. Its
 * callback tasks wait on {@link #tokens()}, which the engine's Invoke endpoint serves.
 */
public final class LocalExecutions implements ExecutionsPort {
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final TaskTokens tokens = new TaskTokens();

    void started(String runId) {
        running.add(runId);
    }

    void ended(String runId) {
        running.remove(runId);
    }

    /** The callback tasks' tokens, for the Invoke endpoint the engine waits on. */
    public TaskTokens tokens() {
        return tokens;
    }

    @Override
    public boolean isRunning(String runId) {
        return running.contains(runId);
    }

    @Override
    public boolean sendTaskSuccess(String taskToken, String output) {
        return tokens.succeed(taskToken, output);
    }
}
