package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudbench.cli.engine.ErrorTyped;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.error.BenchmarkFailedException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ForwardingFleet;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.results.TargetResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Task state of the definition × every kind of fault, injected the first time the state
 * runs, through the local engine and the real handlers. In every cell: no instance is live when
 * the execution ends, nothing measured before the fault is lost, no target ever gets a second
 * instance, and the run ends as the definition promises. The states are read from the
 * definition, so a new state is covered without editing this test.
 */
class FaultMatrixTest {
    /**
     * Task timeout for this test (the definition's are minutes); a timed-out handler sleeps past it.
     * Six seconds, not three: a real handler that terminates a local instance (kill its process
     * group, copy its inbox, delete its directory) took longer than three on a busy 2-core host, and
     * the cell then ended in States.Timeout instead of the fault it injected.
     */
    private static final int TASK_TIMEOUT_SECONDS = 6;
    private static final String SUITE = """
            {"name":"matrix","warmup":0,"runs":2,
             "benchmarks":[{"name":"first","command":"true"},{"name":"second","command":"true"}]}""";
    private static final String DOMAIN_ERROR = BenchmarkFailedException.class.getName();
    /** States that only run after another failure: the fault that makes them run. */
    private static final Map<String, String> PRIMARY_FAULT = Map.of(
            "Terminate After Failure", "Check Benchmark",
            "Clean Up Run", "Publish Report");
    private static final List<String> MATRIX = new CopyOnWriteArrayList<>();

    @TempDir
    static Path output;

    enum Fault {
        /** The handler rejects the work with a domain error. */
        DOMAIN_ERROR,
        /** The handler did its work, then Lambda answered Lambda.ServiceException (the answer is lost). */
        LAMBDA_SERVICE_EXCEPTION,
        /** The handler did its work, then ran past the task's timeout (States.Timeout). */
        HANDLER_TIMEOUT
    }

    /** Lambda's own error, as Step Functions names it. */
    static final class LambdaServiceException extends RuntimeException implements ErrorTyped {
        LambdaServiceException() {
            super("injected: Lambda service error after the work was done");
        }

        @Override
        public String errorType() {
            return "Lambda.ServiceException";
        }
    }

    /**
     * @param retriesEverything its Retry covers States.ALL, so a single fault there is absorbed
     * @param callback          a callback task ({@code .waitForTaskToken}), whose timeout leads on to a check
     */
    record TaskState(String name, String function, boolean inTargetBranch, boolean retriesEverything,
                     boolean callback) {
    }

    /** What the run must end as. */
    record Expected(boolean succeeded, String runError, String targetError) {
        static final Expected SUCCESS = new Expected(true, null, null);

        static Expected targetFailed(String error) {
            return new Expected(false, "cloudbench.TargetsFailed", error);
        }

        static Expected runFailed(String error) {
            return new Expected(false, error, null);
        }
    }

    static List<TaskState> taskStates() throws IOException {
        JsonNode definition = Json.payload().readTree(Path.of("benchmark.asl.json").toFile());
        List<TaskState> states = new ArrayList<>();
        collect(definition.path("States"), false, states);
        return states;
    }

    private static void collect(JsonNode states, boolean inTargets, List<TaskState> into) {
        states.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            if ("Task".equals(s.path("Type").asText())) {
                // A callback task names its function in the Lambda integration's FunctionName.
                boolean callback = "arn:aws:states:::lambda:invoke.waitForTaskToken".equals(s.path("Resource").asText());
                String resource = callback ? s.path("Parameters").path("FunctionName").asText()
                        : s.path("Resource").asText();
                boolean retriesAll = false;
                for (JsonNode retrier : s.path("Retry")) {
                    for (JsonNode error : retrier.path("ErrorEquals")) {
                        retriesAll |= "States.ALL".equals(error.asText());
                    }
                }
                into.add(new TaskState(e.getKey(), resource.substring(2, resource.length() - "FunctionArn}".length()),
                        inTargets, retriesAll, callback));
            }
            collect(s.path("ItemProcessor").path("States"), inTargets || "Run Targets".equals(e.getKey()), into);
        });
    }

    private static Expected baseline(String state) {
        if (state.equals("Terminate After Failure")) {
            return Expected.targetFailed(DOMAIN_ERROR);
        }
        return state.equals("Clean Up Run") ? Expected.runFailed(DOMAIN_ERROR) : Expected.SUCCESS;
    }

    static Expected expected(TaskState state, Fault fault) {
        // A callback task's timeout is its safety net: it goes on to check the benchmark.
        if (fault == Fault.LAMBDA_SERVICE_EXCEPTION || state.retriesEverything()
                || (state.callback() && fault == Fault.HANDLER_TIMEOUT)) {
            return baseline(state.name()); // retried, and the retry finds the work already done
        }
        String error = fault == Fault.DOMAIN_ERROR ? DOMAIN_ERROR : "States.Timeout";
        return state.inTargetBranch() ? Expected.targetFailed(error) : Expected.runFailed(error);
    }

    @TestFactory
    Stream<DynamicTest> everyTaskState_underEveryFault_leavesNothingRunning_andLosesNothing() throws IOException {
        List<TaskState> states = taskStates();
        assertThat(states).hasSizeGreaterThanOrEqualTo(13);
        Map<String, String> functionOf = new LinkedHashMap<>();
        states.forEach(s -> functionOf.put(s.name(), s.function()));
        return states.stream().flatMap(state -> Stream.of(Fault.values()).map(fault ->
                DynamicTest.dynamicTest(state.name() + " × " + fault, () -> runCell(state, fault, functionOf))));
    }

    private void runCell(TaskState state, Fault fault, Map<String, String> functionOf) throws IOException {
        Path dir = Files.createDirectories(output.resolve((state.name() + "-" + fault).replace(' ', '_')));
        Map<String, byte[]> measuredBeforeFault = new ConcurrentHashMap<>();
        Set<String> launched = ConcurrentHashMap.newKeySet();
        Map<String, Fault> faults = new LinkedHashMap<>();
        faults.put(functionOf.get(state.name()), fault);
        String primary = PRIMARY_FAULT.get(state.name());
        if (primary != null) {
            faults.put(functionOf.get(primary), Fault.DOMAIN_ERROR);
        }
        Scenario scenario = new Scenario(dir)
                .ports(p -> p.withImages(new BuildFirstImages(2, false)).withFleet(countingLaunches(p.fleet(), launched)))
                .tasks(tasks -> inject(tasks, faults, () -> snapshotRaw(dir, measuredBeforeFault)))
                .definition(FaultMatrixTest::shortTaskTimeouts);
        LocalRun.Outcome outcome = scenario.run(SUITE);

        Expected expected = expected(state, fault);
        String targetError = outcome.results().map(r -> r.targets().get(0)).map(TargetResult::error)
                .map(e -> e.name()).orElse(null);
        MATRIX.add(String.format("%-24s %-26s %-9s %-52s live=%d launched=%d kept=%d",
                state.name(), fault, outcome.succeeded() ? "succeeded" : "failed",
                outcome.succeeded() ? "" : outcome.error() + (targetError == null ? "" : " / " + targetError),
                outcome.liveAtEnd().size(), launched.size(), measuredBeforeFault.size()));

        assertThat(outcome.liveAtEnd()).as("instances live when the execution ended").isEmpty();
        assertThat(outcome.strays()).isEmpty();
        assertThat(launched).as("a target never gets a second instance").hasSizeLessThanOrEqualTo(1);
        measuredBeforeFault.forEach((file, bytes) -> {
            try {
                assertThat(Files.readAllBytes(dir.resolve(file))).as("kept: " + file).isEqualTo(bytes);
            } catch (IOException e) {
                throw new AssertionError("lost: " + file, e);
            }
        });
        assertThat(outcome.succeeded()).as("outcome; cause: " + outcome.cause()).isEqualTo(expected.succeeded());
        if (!expected.succeeded()) {
            assertThat(outcome.error()).isEqualTo(expected.runError());
        }
        if (expected.targetError() != null) {
            assertThat(targetError).isEqualTo(expected.targetError());
        }
    }

    @AfterAll
    static void printMatrix() {
        System.out.println();
        System.out.println("Fault matrix (state × fault → outcome, live instances at the end, instances launched,"
                + " results measured before the fault and kept):");
        MATRIX.stream().sorted().forEach(System.out::println);
        System.out.println(MATRIX.size() + " cells");
    }

    private static Map<String, RequestStreamHandler> inject(Map<String, RequestStreamHandler> tasks,
                                                          Map<String, Fault> faults, Runnable onFault) {
        Map<String, RequestStreamHandler> copy = new LinkedHashMap<>(tasks);
        faults.forEach((function, fault) -> copy.put(function, faulty(tasks.get(function), fault, onFault)));
        return copy;
    }

    /** The real handler, with {@code fault} the first time it is invoked. */
    private static RequestStreamHandler faulty(RequestStreamHandler real, Fault fault, Runnable onFault) {
        AtomicBoolean fired = new AtomicBoolean();
        return (in, out, ctx) -> {
            if (fired.getAndSet(true)) {
                real.handleRequest(in, out, ctx);
                return;
            }
            onFault.run();
            switch (fault) {
                case DOMAIN_ERROR -> throw new BenchmarkFailedException("injected domain error");
                case LAMBDA_SERVICE_EXCEPTION -> {
                    real.handleRequest(in, new ByteArrayOutputStream(), ctx);
                    throw new LambdaServiceException();
                }
                case HANDLER_TIMEOUT -> {
                    ByteArrayOutputStream answer = new ByteArrayOutputStream();
                    real.handleRequest(in, answer, ctx);
                    try {
                        Thread.sleep((TASK_TIMEOUT_SECONDS + 1) * 1000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(answer.toByteArray());
                }
            }
        };
    }

    /** Every raw result in the store right now, with its bytes. */
    private static void snapshotRaw(Path store, Map<String, byte[]> into) {
        Path runs = store.resolve("runs");
        if (!Files.exists(runs)) {
            return;
        }
        try (Stream<Path> files = Files.walk(runs)) {
            // Dot files are uploads in flight (copied, then renamed into place): not yet a result.
            files.filter(p -> p.toString().contains("/raw/") && !p.getFileName().toString().startsWith(".")
                    && Files.isRegularFile(p)).forEach(p -> {
                try {
                    into.put(store.relativize(p).toString(), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortTaskTimeouts(String definition) {
        try {
            JsonNode root = Json.payload().readTree(definition);
            setTimeouts(root.path("States"));
            return Json.write(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setTimeouts(JsonNode states) {
        states.fields().forEachRemaining(e -> {
            if ("Task".equals(e.getValue().path("Type").asText())) {
                ((ObjectNode) e.getValue()).put("TimeoutSeconds", TASK_TIMEOUT_SECONDS);
            }
            setTimeouts(e.getValue().path("ItemProcessor").path("States"));
        });
    }

    /** The fleet, remembering every instance it ever launched. */
    private static FleetPort countingLaunches(FleetPort fleet, Set<String> launched) {
        return new ForwardingFleet(fleet) {
            @Override
            public LaunchedInstance launch(LaunchSpec spec) {
                LaunchedInstance i = fleet.launch(spec);
                launched.add(i.instanceId());
                return i;
            }
        };
    }
}
