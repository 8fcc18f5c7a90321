package dev.cloudbench.cli.local;

import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.RemoteShellPort;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * bash on this host as the remote shell: the script runs asynchronously in the instance's work
 * directory, in its own session, with stdout and stderr written into the result store under the
 * log prefix (as SSM writes them to S3), and is killed when it passes its timeout. Its
 * environment is given, never the CLI's own: {@link SuiteEnvironment} withholds credentials.
 * Closed with its run: its timeout timer ends (the run's instances, and so its scripts, are gone).
 */
public final class LocalShell implements RemoteShellPort, AutoCloseable {
    private static final int TAIL_BYTES = 4096;

    private final LocalHost host;
    private final DirectoryStore store;
    private final Map<String, String> environment;
    private final Map<String, Command> commands = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile BiConsumer<String, String> commandEnded = (instanceId, commandId) -> { };
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-command-timeouts");
        t.setDaemon(true);
        return t;
    });

    private static final class Command {
        final Process process;
        final Path stderr;
        volatile boolean timedOut;

        Command(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
        }
    }

    /** @param environment the whole environment of every script (see {@link SuiteEnvironment#of}) */
    public LocalShell(LocalHost host, DirectoryStore store, Map<String, String> environment) {
        this.host = host;
        this.store = store;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Who hears that a command ended (instance id, command id): the local counterpart of SSM's
     * command status-change event, which wakes the task waiting for the benchmark. The process's
     * exit is seen however it ended — done, failed, killed at its timeout or with its instance.
     */
    public void onCommandEnded(BiConsumer<String, String> listener) {
        this.commandEnded = listener;
    }

    @Override
    public boolean isReady(String instanceId) {
        LocalHost.Instance instance = host.get(instanceId);
        return instance != null && !instance.terminated && Files.isDirectory(instance.dir);
    }

    @Override
    public String start(String instanceId, String script, int timeoutSeconds, String logPrefix) {
        LocalHost.Instance instance = host.get(instanceId);
        if (instance == null || instance.terminated) {
            throw new InstanceInterruptedException("instance " + instanceId + " is gone");
        }
        String commandId = "cmd-" + counter.incrementAndGet();
        try {
            Path scriptFile = instance.dir.resolve(commandId + ".sh");
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
            Path stdout = store.file(logPrefix + "stdout.txt");
            Path stderr = store.file(logPrefix + "stderr.txt");
            Files.createDirectories(stdout.getParent());
            ProcessBuilder pb = new ProcessBuilder("setsid", "bash", scriptFile.toString());
            pb.environment().clear();
            pb.environment().putAll(environment);
            Process process = pb.directory(instance.dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            instance.processes.add(process);
            Command command = new Command(process, stderr);
            commands.put(commandId, command);
            process.onExit().thenRun(() -> commandEnded.accept(instanceId, commandId));
            timeouts.schedule(() -> {
                if (process.isAlive()) {
                    command.timedOut = true;
                    LocalHost.kill(process);
                }
            }, timeoutSeconds, TimeUnit.SECONDS);
            return commandId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the script on " + instanceId, e);
        }
    }

    @Override
    public CommandStatus status(String instanceId, String commandId) {
        Command command = commands.get(commandId);
        LocalHost.Instance instance = host.get(instanceId);
        if (command == null) {
            return new CommandStatus(CommandStatus.State.PENDING, null, "");
        }
        if (command.process.isAlive()) {
            return new CommandStatus(CommandStatus.State.RUNNING, null, "");
        }
        int exit = command.process.exitValue();
        String tail = tail(command.stderr);
        if (command.timedOut) {
            return new CommandStatus(CommandStatus.State.TIMED_OUT, exit, tail);
        }
        if (instance == null || instance.terminated) {
            return new CommandStatus(CommandStatus.State.CANCELLED, exit, tail);
        }
        return new CommandStatus(exit == 0 ? CommandStatus.State.SUCCEEDED : CommandStatus.State.FAILED, exit, tail);
    }

    /** Ends the timeout timer; a script still running is its instance's to end. */
    @Override
    public void close() {
        LocalHost.shutDown(timeouts);
    }

    private static String tail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
