package dev.cloudbench.functions.wiring;

import dev.cloudbench.core.service.BenchmarkCallbacks;
import dev.cloudbench.core.service.BenchmarkService;
import dev.cloudbench.core.service.CleanupService;
import dev.cloudbench.core.service.ImageService;
import dev.cloudbench.core.service.InstanceService;
import dev.cloudbench.core.service.PlanService;
import dev.cloudbench.core.publish.ReportService;
import dev.cloudbench.core.service.SweepService;
import dev.cloudbench.core.service.TargetEndService;
import dev.cloudbench.functions.Ports;

/** The domain services behind the handlers, each built from one deployment's ports. */
final class Services {
    private Services() {
    }

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

    static BenchmarkCallbacks callbacks(Ports p) {
        return new BenchmarkCallbacks(p.shell(), p.store(), p.executions());
    }
}
