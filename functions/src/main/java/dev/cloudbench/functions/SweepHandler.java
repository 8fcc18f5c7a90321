package dev.cloudbench.functions;

import dev.cloudbench.core.run.SweepReport;
import dev.cloudbench.core.service.SweepService;
import dev.cloudbench.functions.aws.AwsPorts;

/** The scheduled sweeper: terminates this stack's instances that outlived their deadline or their run. */
public final class SweepHandler extends TaskHandler<ScheduledEvent, SweepReport> {
    private final SweepService service;

    /** The constructor Lambda calls: this function's AWS adapters, built once per container. */
    public SweepHandler() {
        this(Tasks.sweep(AwsPorts.forTask("Sweep")));
        primeForSnapStart("Sweep");
    }

    public SweepHandler(SweepService service) {
        super(ScheduledEvent.class);
        this.service = service;
    }

    @Override
    protected SweepReport handle(ScheduledEvent input) {
        SweepReport report = service.sweep();
        // One log line per termination, with its reason: the audit trail of the last cleanup layer.
        for (SweepReport.Swept s : report.swept()) {
            System.out.println("sweep: terminated " + s.instanceId() + " (run " + s.runId() + "): " + s.reason());
        }
        System.out.println("sweep: examined " + report.examined() + ", terminated " + report.swept().size());
        return report;
    }
}
