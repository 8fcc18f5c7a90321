package dev.cloudbench.core.service;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.run.TargetState;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Benchmark completion without polling. "Wait For Benchmark" is a callback task: it registers its
 * task token for the target's instance ({@link #await}) and sleeps until an event about that
 * instance — its command ended, it is being reclaimed or stopped — wakes it ({@link #wake}), or until
 * its timeout, the safety net. Waking only sends the task on to "Check Benchmark", which decides
 * what happened as it always has (done, failed, timed out, reclaimed): so an event that is early,
 * late, repeated or about something else costs one check, never a wrong result.
 *
 * <p>The token is kept in the store under {@code callbacks/}, which instances cannot read (they
 * may only write their own inbox): with a token an instance could complete its own task, and
 * SendTaskSuccess cannot be limited to one execution by IAM.
 */
public final class BenchmarkCallbacks {
    /** Instance ids as EC2 and SSM report them, and the local runner's. */
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-z]{8,24}");

    private final RemoteShellPort shell;
    private final ResultStorePort store;
    private final ExecutionsPort executions;

    public BenchmarkCallbacks(RemoteShellPort shell, ResultStorePort store, ExecutionsPort executions) {
        this.shell = shell;
        this.store = store;
        this.executions = executions;
    }

    /** What {@link #await} keeps for the event that ends the wait. */
    record Waiting(String taskToken, String runId, String targetId, String commandId) {
    }

    /**
     * Registers {@code taskToken} for the command of {@code state}, then looks once: a command
     * that ended (or an instance that went away) before the token was registered would send its
     * event to nobody, so the task is woken at once.
     *
     * @return whether the task was woken at once
     * @throws BadInputException the state has no instance or command, or the token is empty
     */
    public boolean await(TargetState state, String taskToken) {
        if (state == null || state.instance() == null || state.commandId() == null) {
            throw new BadInputException("Wait For Benchmark needs a started command (instance and commandId)");
        }
        if (taskToken == null || taskToken.isBlank()) {
            throw new BadInputException("Wait For Benchmark needs its task token ($$.Task.Token)");
        }
        String instanceId = state.instance().instanceId();
        store.put(StoreLayout.callback(instanceId), Json.write(new Waiting(taskToken, state.runId(),
                state.target().targetId(), state.commandId())).getBytes(StandardCharsets.UTF_8));
        boolean ended;
        try {
            CommandStatus status = shell.status(instanceId, state.commandId());
            ended = status.finished();
        } catch (InstanceInterruptedException e) {
            ended = true;
        }
        return ended && executions.sendTaskSuccess(taskToken, "{}");
    }

    /**
     * An event about {@code instanceId}: wakes the task waiting for it, if any.
     *
     * @return whether a task was waiting
     * @throws BadInputException {@code instanceId} is not an instance id
     */
    public boolean wake(String instanceId) {
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new BadInputException("not an instance id: " + instanceId);
        }
        Optional<Waiting> waiting = store.get(StoreLayout.callback(instanceId)).map(b -> Json.read(b, Waiting.class));
        return waiting.isPresent() && executions.sendTaskSuccess(waiting.get().taskToken(), "{}");
    }
}
