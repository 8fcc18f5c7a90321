package dev.cloudbench.cli.engine;

/**
 * Stops a local execution the way StopExecution stops one in AWS: the engine ends where it is,
 * and no Catch runs. Safe to request before the execution started or after it ended.
 */
public final class Abort {
    private volatile Process process;
    private volatile boolean requested;

    public void request() {
        requested = true;
        Process p = process;
        if (p != null) {
            stop(p);
        }
    }

    public boolean requested() {
        return requested;
    }

    void attach(Process p) {
        process = p;
        if (requested) {
            stop(p);
        }
    }

    /** SIGTERM through the handle: Process.destroy would also close the streams still being read. */
    private static void stop(Process p) {
        p.toHandle().destroy();
    }
}
