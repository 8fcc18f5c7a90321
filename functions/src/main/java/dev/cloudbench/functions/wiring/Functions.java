package dev.cloudbench.functions.wiring;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.functions.aws.AwsClients;
import dev.cloudbench.functions.aws.AwsPorts;
import dev.cloudbench.functions.aws.AwsPorts.Service;
import dev.cloudbench.functions.aws.AwsSettings;
import dev.cloudbench.functions.aws.ImageSources;
import dev.cloudbench.functions.handler.AwaitBenchmarkHandler;
import dev.cloudbench.functions.handler.BenchmarkFinishedHandler;
import dev.cloudbench.functions.handler.CheckBenchmarkHandler;
import dev.cloudbench.functions.handler.CheckImageBuildHandler;
import dev.cloudbench.functions.handler.CheckInstanceHandler;
import dev.cloudbench.functions.handler.CleanupExecutionHandler;
import dev.cloudbench.functions.handler.CleanupRunHandler;
import dev.cloudbench.functions.handler.CollectResultsHandler;
import dev.cloudbench.functions.handler.LaunchInstanceHandler;
import dev.cloudbench.functions.handler.PlanRunHandler;
import dev.cloudbench.functions.handler.PublishReportHandler;
import dev.cloudbench.functions.handler.ResolveImagesHandler;
import dev.cloudbench.functions.handler.StartBenchmarkHandler;
import dev.cloudbench.functions.handler.StartImageBuildHandler;
import dev.cloudbench.functions.handler.SweepHandler;
import dev.cloudbench.functions.handler.TaskHandler;
import dev.cloudbench.functions.handler.TerminateAfterFailureHandler;
import dev.cloudbench.functions.handler.TerminateInstanceHandler;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one list of the stack's Lambda functions: every function of template.yaml, by the name that
 * follows {@code function:} in its ARN ({@code PlanRun} is the resource {@code PlanRunFunction},
 * and in the definition {@code ${PlanRunFunctionArn}}), with what starts it, the AWS services it
 * calls and how to build its handler. Lambda's entry points ({@code functions.lambda}), the CLI
 * ({@code invoke}, the local runner), the template and IAM tests take their lists from here.
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
     * @param name     the function's name
     * @param trigger  what starts it
     * @param services the AWS services it calls: only their clients are built, and they are the
     *                 basis of its IAM policy
     * @param wiring   its handler on given ports
     */
    public record Entry(String name, Trigger trigger, Set<Service> services,
                        Function<Ports, TaskHandler<?, ?>> wiring) {
        public Entry {
            services = Set.copyOf(services);
        }

        /** Its handler on {@code ports}. */
        public TaskHandler<?, ?> handler(Ports ports) {
            return wiring.apply(ports);
        }

        /**
         * Its AWS adapters: the clients of its {@link #services} only.
         *
         * @throws IllegalStateException when a variable its adapters need is not set
         */
        public Ports awsPorts(AwsSettings settings, AwsClients clients, Clock clock, ImageSources sources) {
            return AwsPorts.forTask(name, services, settings, clients, clock, sources);
        }

        /**
         * Its handler as Lambda builds it: AWS adapters configured from this process's environment.
         *
         * @throws IllegalStateException when a variable its adapters need is not set
         */
        public TaskHandler<?, ?> onAws() {
            return handler(awsPorts(AwsSettings.fromEnvironment(System.getenv()), AwsClients.fromEnvironment(),
                    Clock.systemUTC(), ImageSources.fromClasspath()));
        }
    }

    private static final List<Entry> ALL = List.of(
            task("PlanRun", EnumSet.of(Service.S3, Service.EC2, Service.SERVICEQUOTAS),
                    p -> new PlanRunHandler(Services.plan(p))),
            task("ResolveImages", EnumSet.of(Service.S3, Service.EC2),
                    p -> new ResolveImagesHandler(Services.images(p))),
            task("StartImageBuild", EnumSet.of(Service.S3, Service.CODEBUILD),
                    p -> new StartImageBuildHandler(Services.images(p))),
            task("CheckImageBuild", EnumSet.of(Service.CODEBUILD),
                    p -> new CheckImageBuildHandler(Services.images(p))),
            task("LaunchInstance", EnumSet.of(Service.EC2),
                    p -> new LaunchInstanceHandler(Services.instances(p))),
            task("CheckInstance", EnumSet.of(Service.EC2, Service.SSM),
                    p -> new CheckInstanceHandler(Services.instances(p))),
            task("StartBenchmark", EnumSet.of(Service.S3, Service.SSM),
                    p -> new StartBenchmarkHandler(Services.benchmarks(p))),
            task("CheckBenchmark", EnumSet.of(Service.S3, Service.SSM, Service.EC2),
                    p -> new CheckBenchmarkHandler(Services.benchmarks(p))),
            task("AwaitBenchmark", EnumSet.of(Service.S3, Service.SSM, Service.SFN),
                    p -> new AwaitBenchmarkHandler(Services.callbacks(p))),
            task("CollectResults", EnumSet.of(Service.S3),
                    p -> new CollectResultsHandler(Services.benchmarks(p))),
            task("TerminateInstance", EnumSet.of(Service.EC2),
                    p -> new TerminateInstanceHandler(Services.targetEnds(p))),
            task("TerminateAfterFailure", EnumSet.of(Service.EC2, Service.S3),
                    p -> new TerminateAfterFailureHandler(Services.targetEnds(p))),
            task("PublishReport", EnumSet.of(Service.S3),
                    p -> new PublishReportHandler(Services.report(p))),
            task("CleanupRun", EnumSet.of(Service.EC2),
                    p -> new CleanupRunHandler(Services.cleanup(p))),
            new Entry("CleanupExecution", Trigger.EXECUTION_STATUS, EnumSet.of(Service.EC2),
                    p -> new CleanupExecutionHandler(Services.cleanup(p))),
            new Entry("Sweep", Trigger.SCHEDULE, EnumSet.of(Service.EC2, Service.SFN),
                    p -> new SweepHandler(Services.sweep(p))),
            new Entry("BenchmarkFinished", Trigger.INSTANCE_EVENT, EnumSet.of(Service.S3, Service.SFN),
                    p -> new BenchmarkFinishedHandler(Services.callbacks(p))));

    private Functions() {
    }

    private static Entry task(String name, Set<Service> services, Function<Ports, TaskHandler<?, ?>> wiring) {
        return new Entry(name, Trigger.STATE_MACHINE, services, wiring);
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

    /** @throws IllegalArgumentException naming the known functions when {@code name} is none of them */
    public static Entry get(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown function '" + name + "' (known: " + names() + ")"));
    }

    /** Every function's handler, wired to the same ports. */
    public static Map<String, RequestStreamHandler> wire(Ports ports) {
        Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
        ALL.forEach(e -> handlers.put(e.name(), e.handler(ports)));
        return handlers;
    }

    private static Set<String> namesOf(List<Entry> entries) {
        Set<String> names = new LinkedHashSet<>();
        entries.forEach(e -> names.add(e.name()));
        return Set.copyOf(names);
    }
}
