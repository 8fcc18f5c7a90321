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
        functions.put("CleanupExecution", new CleanupExecutionHandler(new CleanupService(p.fleet())));
        functions.put("Sweep", new SweepHandler(new SweepService(p.fleet(), p.executions(), p.clock())));
        return functions;
    }

    /** One handler per task, all wired to the same ports. */
    public static Map<String, RequestStreamHandler> wire(Ports p) {
        ImageService images = new ImageService(p.images(), p.store(), p.clock());
        InstanceService instances = new InstanceService(p.fleet(), p.shell(), p.images());
        BenchmarkService benchmarks = new BenchmarkService(p.shell(), p.fleet(), p.store(), p.clock());
        TargetEndService ends = new TargetEndService(instances, benchmarks, p.store(), p.clock());
        Map<String, RequestStreamHandler> tasks = new LinkedHashMap<>();
        tasks.put("PlanRun", new PlanRunHandler(new PlanService(p.store(), p.clock(), p.randomSuffix())));
        tasks.put("ResolveImages", new ResolveImagesHandler(images));
        tasks.put("StartImageBuild", new StartImageBuildHandler(images));
        tasks.put("CheckImageBuild", new CheckImageBuildHandler(images));
        tasks.put("LaunchInstance", new LaunchInstanceHandler(instances));
        tasks.put("CheckInstance", new CheckInstanceHandler(instances));
        tasks.put("StartBenchmark", new StartBenchmarkHandler(benchmarks));
        tasks.put("CheckBenchmark", new CheckBenchmarkHandler(benchmarks));
        tasks.put("CollectResults", new CollectResultsHandler(benchmarks));
        tasks.put("TerminateInstance", new TerminateInstanceHandler(ends));
        tasks.put("TerminateAfterFailure", new TerminateAfterFailureHandler(ends));
        tasks.put("PublishReport", new PublishReportHandler(new ReportService(p.store(), p.clock())));
        tasks.put("CleanupRun", new CleanupRunHandler(new CleanupService(p.fleet())));
        if (!tasks.keySet().equals(NAMES)) {
            throw new IllegalStateException("task list out of date: " + tasks.keySet());
        }
        return tasks;
    }
}
