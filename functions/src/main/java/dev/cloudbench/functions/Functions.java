package dev.cloudbench.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one list of the stack's Lambda functions: every function of template.yaml, by the name that
 * follows {@code function:} in its ARN ({@code PlanRun} is the resource {@code PlanRunFunction},
 * and in the definition {@code ${PlanRunFunctionArn}}), with how to build its handler. The CLI
 * ({@code invoke}, the local runner), the AWS wiring and the tests take their lists from here.
 */
public final class Functions {
    /** What starts a function. */
    public enum Trigger {
        /** a Task state of the state machine */
        STATE_MACHINE,
        /** the EventBridge rule on an execution's status change */
        EXECUTION_STATUS,
        /** the sweeper's schedule */
        SCHEDULE,
        /** the EventBridge rules on an instance's events (its command ended, it is going away) */
        INSTANCE_EVENT
    }

    /**
     * @param name    the function's name
     * @param trigger what starts it
     * @param wiring  its handler on given ports (the local runner, tests)
     * @param lambda  its handler as Lambda builds it: the no-argument constructor, AWS adapters from
     *                the environment (may throw when a variable it needs is not set)
     */
    public record Entry(String name, Trigger trigger, Function<Ports, RequestStreamHandler> wiring,
                        Supplier<RequestStreamHandler> lambda) {
    }

    private static final List<Entry> ALL = List.of(
            task("PlanRun", p -> new PlanRunHandler(Tasks.plan(p)), PlanRunHandler::new),
            task("ResolveImages", p -> new ResolveImagesHandler(Tasks.images(p)), ResolveImagesHandler::new),
            task("StartImageBuild", p -> new StartImageBuildHandler(Tasks.images(p)), StartImageBuildHandler::new),
            task("CheckImageBuild", p -> new CheckImageBuildHandler(Tasks.images(p)), CheckImageBuildHandler::new),
            task("LaunchInstance", p -> new LaunchInstanceHandler(Tasks.instances(p)), LaunchInstanceHandler::new),
            task("CheckInstance", p -> new CheckInstanceHandler(Tasks.instances(p)), CheckInstanceHandler::new),
            task("StartBenchmark", p -> new StartBenchmarkHandler(Tasks.benchmarks(p)), StartBenchmarkHandler::new),
            task("AwaitBenchmark", p -> new AwaitBenchmarkHandler(Tasks.callbacks(p)), AwaitBenchmarkHandler::new),
            task("CheckBenchmark", p -> new CheckBenchmarkHandler(Tasks.benchmarks(p)), CheckBenchmarkHandler::new),
            task("CollectResults", p -> new CollectResultsHandler(Tasks.benchmarks(p)), CollectResultsHandler::new),
            task("TerminateInstance", p -> new TerminateInstanceHandler(Tasks.targetEnds(p)),
                    TerminateInstanceHandler::new),
            task("TerminateAfterFailure", p -> new TerminateAfterFailureHandler(Tasks.targetEnds(p)),
                    TerminateAfterFailureHandler::new),
            task("PublishReport", p -> new PublishReportHandler(Tasks.report(p)), PublishReportHandler::new),
            task("CleanupRun", p -> new CleanupRunHandler(Tasks.cleanup(p)), CleanupRunHandler::new),
            new Entry("CleanupExecution", Trigger.EXECUTION_STATUS,
                    p -> new CleanupExecutionHandler(Tasks.cleanup(p)), CleanupExecutionHandler::new),
            new Entry("Sweep", Trigger.SCHEDULE, p -> new SweepHandler(Tasks.sweep(p)), SweepHandler::new),
            new Entry("BenchmarkFinished", Trigger.INSTANCE_EVENT,
                    p -> new BenchmarkFinishedHandler(Tasks.callbacks(p)), BenchmarkFinishedHandler::new));

    private Functions() {
    }

    private static Entry task(String name, Function<Ports, RequestStreamHandler> wiring,
                              Supplier<RequestStreamHandler> lambda) {
        return new Entry(name, Trigger.STATE_MACHINE, wiring, lambda);
    }

    /** Every function, tasks first, in the state machine's order. */
    public static List<Entry> all() {
        return ALL;
    }

    /** Every function's name. */
    public static Set<String> names() {
        return namesOf(ALL);
    }

    /** The names of the state machine's tasks. */
    public static Set<String> taskNames() {
        return namesOf(ALL.stream().filter(e -> e.trigger() == Trigger.STATE_MACHINE).toList());
    }

    /** The names of the functions events start (execution status, schedule). */
    public static Set<String> eventFunctionNames() {
        return namesOf(ALL.stream().filter(e -> e.trigger() != Trigger.STATE_MACHINE).toList());
    }

    public static Optional<Entry> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Every function's handler, wired to the same ports. */
    public static Map<String, RequestStreamHandler> wire(Ports ports) {
        Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
        ALL.forEach(e -> handlers.put(e.name(), e.wiring().apply(ports)));
        return handlers;
    }

    private static Set<String> namesOf(List<Entry> entries) {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.name()));
        return Set.copyOf(names);
    }
}
