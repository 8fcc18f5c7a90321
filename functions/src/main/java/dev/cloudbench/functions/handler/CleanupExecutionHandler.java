package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.CleanupReport;
import dev.cloudbench.core.run.ExecutionStatusEvent;
import dev.cloudbench.core.service.CleanupService;

/**
 * Target of the EventBridge rule on "Step Functions Execution Status Change" (FAILED, TIMED_OUT,
 * ABORTED): terminates the run's instances, since no Catch runs when an execution is stopped or
 * times out.
 */
public final class CleanupExecutionHandler extends TaskHandler<ExecutionStatusEvent, CleanupReport> {
    private final CleanupService service;

    public CleanupExecutionHandler(CleanupService service) {
        super(ExecutionStatusEvent.class);
        this.service = service;
    }

    @Override
    protected CleanupReport handle(ExecutionStatusEvent input) {
        CleanupReport report = service.cleanUp(input);
        if (!report.terminated().isEmpty()) {
            System.out.println("cleanup: execution " + input.detail().executionArn() + " ended "
                    + input.detail().status() + "; terminated " + report.terminated() + " of run " + report.runId());
        }
        return report;
    }
}
