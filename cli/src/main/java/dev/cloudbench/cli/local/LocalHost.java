package dev.cloudbench.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * This host playing the fleet: each "instance" is a work directory plus the processes started in
 * it. Shared by the local fleet (launch, terminate) and the local shell (processes), so that
 * terminating an instance really ends everything that ran on it.
 */
public final class LocalHost implements AutoCloseable {
    private final Path root;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /** One "instance". */
    public static final class Instance {
        final String id;
        final String runId;
        final String targetId;
        final Instant deadline;
        final Path dir;
        final List<Process> processes = new CopyOnWriteArrayList<>();
        volatile boolean terminated;

        Instance(String id, String runId, String targetId, Instant deadline, Path dir) {
            this.id = id;
            this.runId = runId;
            this.targetId = targetId;
            this.deadline = deadline;
            this.dir = dir;
        }

        public String id() {
            return id;
        }

        public Path dir() {
            return dir;
        }

        public boolean terminated() {
            return terminated;
        }
    }

    /** @param root directory under which instance work directories are created */
    public LocalHost(Path root) {
        this.root = root.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    synchronized Instance create(String runId, String targetId, Instant deadline) {
        String id = "i-local" + String.format("%08x", (ProcessHandle.current().pid() << 8) + counter.incrementAndGet());
        Path dir = root.resolve(id);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create work directory " + dir, e);
        }
        Instance instance = new Instance(id, runId, targetId, deadline, dir);
        instances.put(id, instance);
        return instance;
    }

    Instance get(String id) {
        return instances.get(id);
    }

    List<Instance> live() {
        return instances.values().stream().filter(i -> !i.terminated).toList();
    }

    /** Kills every process of the instance (whole process groups) and deletes its directory. */
    void terminate(String id) {
        Instance instance = instances.get(id);
        if (instance == null || instance.terminated) {
            return;
        }
        instance.terminated = true;
        for (Process p : instance.processes) {
            kill(p);
        }
        deleteTree(instance.dir);
    }

    /** Terminates every instance still live; returns their ids. */
    public List<String> terminateAll() {
        List<String> ids = new ArrayList<>();
        for (Instance i : live()) {
            terminate(i.id);
            ids.add(i.id);
        }
        return ids;
    }

    /** Ids of instances not terminated, for checks that nothing is left running. */
    public List<String> liveIds() {
        return live().stream().map(Instance::id).toList();
    }

    static void kill(Process p) {
        if (!p.isAlive()) {
            return;
        }
        // The script runs in its own session (setsid), so its process group holds every
        // descendant, including ones started while we are killing.
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + p.pid()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // kill(1) unavailable: fall back to the handles below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops a timer of this host's adapters and waits briefly for its thread to end. */
    static void shutDown(ExecutorService timer) {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    @Override
    public void close() {
        terminateAll();
        try (Stream<Path> left = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(root);
            }
        } catch (IOException e) {
            // leaving an empty directory behind is harmless
        }
    }
}
