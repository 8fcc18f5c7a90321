package dev.cloudbench.functions.handler;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.cloudbench.core.run.SweepReport;
import dev.cloudbench.core.service.SweepService;

/**
 * The scheduled sweeper: terminates this stack's instances that outlived their deadline or their
 * run. Its input is EventBridge's scheduled event, of which it needs nothing.
 */
public final class SweepHandler extends TaskHandler<ScheduledEvent, SweepReport> {
    private final SweepService service;

    public SweepHandler(SweepService service) {
        super(ScheduledEvent.class, EventBridgeJson.MAPPER);
        this.service = service;
    }

    /** EventBridge's scheduled event ("detail-type": "Scheduled Event"); the sweep needs none of it. */
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
