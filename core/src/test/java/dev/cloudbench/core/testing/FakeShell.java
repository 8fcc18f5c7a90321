package dev.cloudbench.core.testing;

import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.RemoteShellPort;
import java.util.ArrayList;
import java.util.List;

/** A remote shell that records scripts and answers with a status the test sets. */
public final class FakeShell implements RemoteShellPort {
    public final List<String> scripts = new ArrayList<>();
    public final List<String> logPrefixes = new ArrayList<>();
    public CommandStatus status = new CommandStatus(CommandStatus.State.RUNNING, null, "");
    public boolean ready = true;

    @Override
    public boolean isReady(String instanceId) {
        return ready;
    }

    @Override
    public String start(String instanceId, String script, int timeoutSeconds, String logPrefix) {
        scripts.add(script);
        logPrefixes.add(logPrefix);
        return "cmd-" + scripts.size();
    }

    @Override
    public CommandStatus status(String instanceId, String commandId) {
        return status;
    }
}
