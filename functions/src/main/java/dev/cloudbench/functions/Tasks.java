package dev.cloudbench.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.service.BenchmarkService;
import dev.cloudbench.core.service.CleanupService;
import dev.cloudbench.core.service.ImageService;
import dev.cloudbench.core.service.InstanceService;
import dev.cloudbench.core.service.PlanService;
import dev.cloudbench.core.service.ReportService;
import dev.cloudbench.core.service.SweepService;
import dev.cloudbench.core.service.TargetEndService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every task of the state machine by its function name — the name that follows
 * {@code function:} in the task's Lambda ARN, and the key of its substitution in the definition
 * ({@code ${PlanRunFunctionArn}} for {@code PlanRun}).
 */
public final class Tasks {
    public static final Set<String> NAMES = Set.of("PlanRun", "ResolveImages", "StartImageBuild", "CheckImageBuild",
            "LaunchInstance", "CheckInstance", "StartBenchmark", "CheckBenchmark", "CollectResults",
            "TerminateInstance", "TerminateAfterFailure", "PublishReport", "CleanupRun");

    /** Functions that events start, not the state machine. */
    public static final Set<String> EVENT_FUNCTIONS = Set.of("CleanupExecution", "Sweep");

    private Tasks() {
    }

    /** The functions EventBridge rules start: cleanup on execution status change, and the sweeper. */
    public static Map<String, RequestStreamHandler> wireEventFunctions(Ports p) {
        Map<String, RequestStreamHandler> functions = new LinkedHashMap<>();
        functions.put("CleanupExecution", new CleanupExecutionHandler(cleanup(p)));
        functions.put("Sweep", new SweepHandler(sweep(p)));
        return functions;
    }

    /** One handler per task, all wired to the same ports. */
    public static Map<String, RequestStreamHandler> wire(Ports p) {
        Map<String, RequestStreamHandler> tasks = new LinkedHashMap<>();
        tasks.put("PlanRun", new PlanRunHandler(plan(p)));
        tasks.put("ResolveImages", new ResolveImagesHandler(images(p)));
        tasks.put("StartImageBuild", new StartImageBuildHandler(images(p)));
        tasks.put("CheckImageBuild", new CheckImageBuildHandler(images(p)));
        tasks.put("LaunchInstance", new LaunchInstanceHandler(instances(p)));
        tasks.put("CheckInstance", new CheckInstanceHandler(instances(p)));
        tasks.put("StartBenchmark", new StartBenchmarkHandler(benchmarks(p)));
        tasks.put("CheckBenchmark", new CheckBenchmarkHandler(benchmarks(p)));
        tasks.put("CollectResults", new CollectResultsHandler(benchmarks(p)));
        tasks.put("TerminateInstance", new TerminateInstanceHandler(targetEnds(p)));
        tasks.put("TerminateAfterFailure", new TerminateAfterFailureHandler(targetEnds(p)));
        tasks.put("PublishReport", new PublishReportHandler(report(p)));
        tasks.put("CleanupRun", new CleanupRunHandler(cleanup(p)));
        if (!tasks.keySet().equals(NAMES)) {
            throw new IllegalStateException("task list out of date: " + tasks.keySet());
        }
        return tasks;
    }

    /** The handler class of a task: {@code PlanRun} is {@code PlanRunHandler} in this package. */
    public static String handlerClassName(String task) {
        return Tasks.class.getPackageName() + "." + task + "Handler";
    }

    // The services, each wired the same way by wire() and by the handlers' Lambda constructors.

    static PlanService plan(Ports p) {
        return new PlanService(p.store(), p.clock(), p.randomSuffix(), p.capacity());
    }

    static ImageService images(Ports p) {
        return new ImageService(p.images(), p.store(), p.clock());
    }

    static InstanceService instances(Ports p) {
        return new InstanceService(p.fleet(), p.shell(), p.images(), p.clock());
    }

    static BenchmarkService benchmarks(Ports p) {
        return new BenchmarkService(p.shell(), p.fleet(), p.store(), p.clock());
    }

    static TargetEndService targetEnds(Ports p) {
        return new TargetEndService(instances(p), benchmarks(p), p.store(), p.clock());
    }

    static ReportService report(Ports p) {
        return new ReportService(p.store(), p.clock());
    }

    static CleanupService cleanup(Ports p) {
        return new CleanupService(p.fleet());
    }

    static SweepService sweep(Ports p) {
        return new SweepService(p.fleet(), p.executions(), p.clock());
    }
}
