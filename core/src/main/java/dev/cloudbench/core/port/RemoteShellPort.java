package dev.cloudbench.core.port;

import dev.cloudbench.core.error.InstanceInterruptedException;

/** Runs scripts on instances (SSM Run Command in AWS; bash on this host locally). */
public interface RemoteShellPort {

    /** Whether the instance accepts commands yet. */
    boolean isReady(String instanceId);

    /**
     * Starts {@code script} with bash on the instance and returns at once.
     *
     * @param timeoutSeconds the script is killed after this long and reported {@code TIMED_OUT}
     * @param logPrefix      result-store prefix under which the script's stdout and stderr are kept
     * @return the command's id
     * @throws InstanceInterruptedException the instance is gone
     */
    String start(String instanceId, String script, int timeoutSeconds, String logPrefix);

    /**
     * @throws InstanceInterruptedException the instance disappeared while the command ran
     */
    CommandStatus status(String instanceId, String commandId);
}
