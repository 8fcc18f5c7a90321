package dev.cloudbench.cli.cloud;

/**
 * Runs an action when the process is interrupted (Ctrl-C, SIGTERM) while it is installed: a JVM
 * shutdown hook, removed again on close. The process still ends after the action.
 */
public final class InterruptHook implements AutoCloseable {
    private final Thread hook;
    private volatile boolean closed;

    private InterruptHook(Runnable action) {
        hook = new Thread(() -> {
            if (!closed) {
                action.run();
            }
        }, "cloudbench-interrupt");
    }

    public static InterruptHook install(Runnable action) {
        InterruptHook h = new InterruptHook(action);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    @Override
    public void close() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs and finds it closed
        }
    }
}
