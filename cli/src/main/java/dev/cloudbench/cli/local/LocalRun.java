package dev.cloudbench.cli.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.runid.RunIds;
import dev.cloudbench.cli.engine.Abort;
import dev.cloudbench.cli.engine.Engine;
import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.cli.engine.InstanceEvents;
import dev.cloudbench.cli.engine.InvokeServer;
import dev.cloudbench.cli.engine.LocalArns;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Limits;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.validation.RequestValidator;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.core.runid.RunIdSuffix;
import dev.cloudbench.functions.wiring.Functions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One run of a suite on this host through the real state machine: the definition in
 * statemachine/benchmark.asl.json, executed by the local engine, whose tasks call the real
 * handlers through a local Lambda Invoke endpoint, wired to local adapters.
 */
public final class LocalRun {
    /**
     * Local polling: the waits that take seconds in AWS take none or a blink here. A local instance
     * is ready as soon as it is launched, so its readiness backoff waits 0 ms; a benchmark is not
     * polled at all: its end wakes "Wait For Benchmark".
     */
    private static final Map<String, Integer> LOCAL_WAITS = Map.of(
            "Wait For Instance", 0, "Wait For Image Build", 100);

    /**
     * @param home          the repository root (holds statemachine/)
     * @param output        result store directory
     * @param clock         time for the handlers
     * @param ports         last say over the local adapters, for fakes in tests
     * @param tasks         last say over the handlers, for fault injection in tests
     * @param definition    last say over the definition's text, for tests (shorter task timeouts)
     * @param abort         stops the execution when requested, as StopExecution does
     * @param handlerErrors sees every exception a handler throws
     * @param environment   this host's environment: checked for prerequisites, and what suites
     *                      inherit once credentials are withheld ({@link SuiteEnvironment})
     * @param engine        an engine process started early, which the run takes over; empty: the
     *                      run starts its own once the host is checked
     */
    public record Options(Path home, Path output, Clock clock, UnaryOperator<Ports> ports,
                          UnaryOperator<Map<String, RequestStreamHandler>> tasks, UnaryOperator<String> definition,
                          Abort abort, Consumer<Throwable> handlerErrors, Map<String, String> environment,
                          Optional<Engine.Started> engine) {
        public static Options of(Path home, Path output) {
            return new Options(home, output, Clock.systemUTC(), UnaryOperator.identity(), UnaryOperator.identity(),
                    UnaryOperator.identity(), new Abort(), e -> { }, System.getenv(), Optional.empty());
        }

        public Options withPorts(UnaryOperator<Ports> decorator) {
            return new Options(home, output, clock, decorator, tasks, definition, abort, handlerErrors, environment,
                    engine);
        }

        public Options withTasks(UnaryOperator<Map<String, RequestStreamHandler>> decorator) {
            return new Options(home, output, clock, ports, decorator, definition, abort, handlerErrors, environment,
                    engine);
        }

        public Options withDefinition(UnaryOperator<String> transform) {
            return new Options(home, output, clock, ports, tasks, transform, abort, handlerErrors, environment, engine);
        }

        public Options withAbort(Abort control) {
            return new Options(home, output, clock, ports, tasks, definition, control, handlerErrors, environment,
                    engine);
        }

        public Options withHandlerErrors(Consumer<Throwable> sink) {
            return new Options(home, output, clock, ports, tasks, definition, abort, sink, environment, engine);
        }

        public Options withEnvironment(Map<String, String> variables) {
            return new Options(home, output, clock, ports, tasks, definition, abort, handlerErrors,
                    Map.copyOf(variables), engine);
        }

        /** The run takes over this engine process, started early ({@link Engine#startEarly}), instead of starting one. */
        public Options withEngine(Optional<Engine.Started> started) {
            return new Options(home, output, clock, ports, tasks, definition, abort, handlerErrors, environment,
                    started);
        }
    }

    /**
     * @param runId      the run
     * @param succeeded  whether the execution succeeded
     * @param error      the execution's error name when it failed
     * @param cause      the execution's cause when it failed
     * @param runDir     the run's directory in the result store
     * @param results    results.json when it was written
     * @param liveAtEnd  instances still live when the execution ended (the state machine's own
     *                   cleanup left them)
     * @param cleanedUp  instances the execution-status cleanup terminated after a run that did
     *                   not succeed (as the EventBridge rule does in AWS)
     * @param strays     instances the final safety net had to terminate (normally none)
     * @param hostsRoot  where instance work directories lived
     * @param seconds    wall time of the execution
     */
    public record Outcome(String runId, boolean succeeded, String error, String cause, Path runDir,
                          Optional<RunResults> results, List<String> liveAtEnd, List<String> cleanedUp,
                          List<String> strays, Path hostsRoot, double seconds) {
    }

    private LocalRun() {
    }

    /** The request a local run executes: one target, this host, its architecture. */
    public static RunRequest request(Suite suite, Clock clock) {
        return request(suite, null, clock);
    }

    /**
     * The request a local run executes: one target, this host, its architecture, on {@code replicas}
     * local instances (null: one). They run one after another (one target at a time): on one host,
     * side by side, they would measure each other.
     */
    public static RunRequest request(Suite suite, Integer replicas, Clock clock) {
        String runId = new RunIds(LocalRun::randomSuffix).generate(suite.name(), clock.instant());
        int timeout = Math.min(Limits.MAX_RUN_TIMEOUT_SECONDS, Math.max(3600, suite.effectiveTimeoutSeconds() + 600));
        Target host = new Target("local", Architecture.ofHost().id(), "local", "on-demand", null, replicas);
        return RequestValidator.validate(new RunRequest(runId, suite, List.of(host), new Limits(timeout, 1)));
    }

    static String randomSuffix() {
        return RunIdSuffix.random();
    }

    public static Outcome execute(RunRequest request, Options options, PrintWriter log, Consumer<EngineEvent> events)
            throws IOException {
        Path statemachine = options.home().resolve("statemachine");
        // Everything this host must provide, reported at once, before the engine or a handler starts.
        String path = HostPrerequisites.check(options.home(), options.environment(), log);
        if (request.suite().countsInstructions()) {
            HostPrerequisites.instructionCounter(options.environment(), path);
        }
        Engine engine = new Engine(statemachine);
        // An engine process started early runs this engine unless it was (re)installed just now.
        Optional<Engine.Started> early = engine.ensureInstalled(log) ? options.engine() : Optional.empty();
        DirectoryStore store = new DirectoryStore(options.output());
        Path hostsRoot = Files.createTempDirectory("cloudbench-hosts-");
        LocalExecutions executions = new LocalExecutions();
        long started = System.nanoTime();
        // Node starts and loads the engine (a few hundred milliseconds) while the run is wired below,
        // unless it was started earlier still.
        try (Engine.Started process = early.orElseGet(engine::start);
             LocalHost host = new LocalHost(hostsRoot);
             LocalFleet fleet = new LocalFleet(host, options.clock());
             LocalShell shell = new LocalShell(host, store, SuiteEnvironment.of(options.environment(), path))) {
            Ports ports = options.ports().apply(new Ports(new LocalImages(path), fleet, shell, store, executions,
                    options.clock(), LocalRun::randomSuffix, new LocalCapacity()));
            Map<String, RequestStreamHandler> functions = new LinkedHashMap<>(options.tasks().apply(Functions.wire(ports)));
            // A command's end wakes the task waiting for it, as SSM's status-change event does in AWS.
            shell.onCommandEnded((instance, command) -> InstanceEvents.commandEnded(
                    functions.get(InstanceEvents.FUNCTION), instance, command, options.handlerErrors()));
            try (InvokeServer server = new InvokeServer(functions, executions.tokens(), options.handlerErrors())) {
                String definition = options.definition().apply(LocalArns.substitute(
                        Files.readString(statemachine.resolve("benchmark.asl.json"), StandardCharsets.UTF_8)));
                Map<String, Integer> retries = new LinkedHashMap<>();
                for (String state : retryingStates(definition)) {
                    retries.put(state, 50);
                }
                executions.started(request.runId());
                EngineEvent end;
                try {
                    end = process.run(definition, Json.write(request), request.runId(), server.endpoint(), LOCAL_WAITS,
                            retries, events, options.abort());
                } finally {
                    executions.ended(request.runId());
                }
                boolean ok = "ExecutionSucceeded".equals(end.type());
                List<String> liveAtEnd = host.liveIds();
                List<String> cleanedUp = ok ? List.of()
                        : ExecutionStatusCleanup.deliver(functions.get("CleanupExecution"), request, end);
                // Defense in depth: nothing a run started outlives it, whatever else happened.
                List<String> strays = host.terminateAll();
                double seconds = (System.nanoTime() - started) / 1e9;
                Path runDir = store.file(StoreLayout.run(request.runId()));
                Optional<RunResults> results = store.get(StoreLayout.results(request.runId()))
                        .map(b -> Json.read(b, RunResults.class));
                return new Outcome(request.runId(), ok, ok ? null : end.error(), ok ? null : end.cause(), runDir,
                        results, liveAtEnd, cleanedUp, strays, hostsRoot, seconds);
            }
        }
    }

    /** Names of the states with a Retry field, so their back-off can be shortened locally. */
    static List<String> retryingStates(String definitionText) {
        try {
            var definition = Json.payload().readTree(definitionText);
            List<String> names = new java.util.ArrayList<>();
            collectRetrying(definition.path("States"), names);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectRetrying(com.fasterxml.jackson.databind.JsonNode states, List<String> names) {
        states.fields().forEachRemaining(e -> {
            if (e.getValue().has("Retry")) {
                names.add(e.getKey());
            }
            collectRetrying(e.getValue().path("ItemProcessor").path("States"), names);
        });
    }
}
