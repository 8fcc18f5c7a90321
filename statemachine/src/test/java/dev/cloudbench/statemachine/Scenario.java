package dev.cloudbench.statemachine;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.cli.engine.Abort;
import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.functions.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Runs benchmark.asl.json through the local engine with the real handlers, as `cloudbench local` does. */
final class Scenario {
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    final StringWriter log = new StringWriter();
    private final Path output;
    private UnaryOperator<Ports> ports = UnaryOperator.identity();
    private UnaryOperator<Map<String, RequestStreamHandler>> tasks = UnaryOperator.identity();
    private UnaryOperator<String> definition = UnaryOperator.identity();
    private Abort abort = new Abort();
    private java.util.function.Consumer<EngineEvent> onEvent = e -> { };

    Scenario(Path output) {
        this.output = output;
    }

    Scenario ports(UnaryOperator<Ports> decorator) {
        this.ports = decorator;
        return this;
    }

    Scenario tasks(UnaryOperator<Map<String, RequestStreamHandler>> decorator) {
        this.tasks = decorator;
        return this;
    }

    Scenario definition(UnaryOperator<String> transform) {
        this.definition = transform;
        return this;
    }

    Scenario abort(Abort control) {
        this.abort = control;
        return this;
    }

    Scenario onEvent(java.util.function.Consumer<EngineEvent> listener) {
        this.onEvent = listener;
        return this;
    }

    LocalRun.Outcome run(String suiteJson) throws IOException {
        Suite suite = InputReader.suiteJson(suiteJson);
        return run(LocalRun.request(suite, Clock.systemUTC()));
    }

    LocalRun.Outcome run(RunRequest request) throws IOException {
        LocalRun.Options options = LocalRun.Options.of(Path.of("..").toAbsolutePath().normalize(), output)
                .withPorts(ports).withTasks(tasks).withDefinition(definition).withAbort(abort);
        return LocalRun.execute(request, options, new PrintWriter(log, true), e -> {
            events.add(e);
            onEvent.accept(e);
        });
    }

    List<String> statesEntered() {
        return events.stream().filter(e -> "StateEntered".equals(e.type())).map(EngineEvent::state).toList();
    }

    /** Processes on this host whose command line contains {@code marker}. */
    static List<String> processesMatching(String marker) throws IOException {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+")).map(p -> {
                try {
                    return new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                } catch (IOException e) {
                    return "";
                }
            }).filter(c -> c.contains(marker)).toList();
        }
    }

    /** Whether any instance work directory is left under the hosts root. */
    static boolean workDirsLeft(Path hostsRoot) throws IOException {
        if (!Files.exists(hostsRoot)) {
            return false;
        }
        try (Stream<Path> left = Files.list(hostsRoot)) {
            return left.findAny().isPresent();
        }
    }

    /** Whether {@code dir} holds anything yet, for a poll: a directory not there yet holds nothing. */
    static boolean hasEntries(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false; // not there (yet)
        }
    }

    /**
     * Checks {@code condition} every 20 ms, at most {@code attempts} times, for a fault a test injects
     * once the run has reached some point; false when interrupted.
     */
    static boolean poll(BooleanSupplier condition, int attempts) {
        for (int i = 0; i < attempts && !condition.getAsBoolean(); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
