package dev.cloudbench.functions;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.service.BenchmarkCallbacks;
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
 * The services behind the handlers, each wired the same way by {@link Functions#wire} and by the
 * handlers' Lambda constructors; and, for code written before {@link Functions}, its lists.
 */
public final class Tasks {
    /** The state machine's tasks: {@link Functions#taskNames()}. */
    public static final Set<String> NAMES = Functions.taskNames();

    /** Functions that events start, not the state machine: {@link Functions#eventFunctionNames()}. */
    public static final Set<String> EVENT_FUNCTIONS = Functions.eventFunctionNames();

    private Tasks() {
    }

    /** The functions EventBridge rules start, wired to {@code p}. */
    public static Map<String, RequestStreamHandler> wireEventFunctions(Ports p) {
        Map<String, RequestStreamHandler> functions = new LinkedHashMap<>(Functions.wire(p));
        functions.keySet().retainAll(EVENT_FUNCTIONS);
        return functions;
    }

    /** The state machine's tasks, wired to {@code p}. */
    public static Map<String, RequestStreamHandler> wire(Ports p) {
        Map<String, RequestStreamHandler> tasks = new LinkedHashMap<>(Functions.wire(p));
        tasks.keySet().retainAll(NAMES);
        return tasks;
    }

    /** The handler class of a function: {@code PlanRun} is {@code PlanRunHandler} in this package. */
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

    static BenchmarkCallbacks callbacks(Ports p) {
        return new BenchmarkCallbacks(p.shell(), p.store(), p.executions());
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
