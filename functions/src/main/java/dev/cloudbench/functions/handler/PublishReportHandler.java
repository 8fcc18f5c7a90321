package dev.cloudbench.functions.handler;

import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.publish.ReportService;

/** "Publish Report": results.json and report.md. */
public final class PublishReportHandler extends TaskHandler<ReportRequest, ReportSummary> {
    private final ReportService service;

    public PublishReportHandler(ReportService service) {
        super(ReportRequest.class);
        this.service = service;
    }

    @Override
    protected ReportSummary handle(ReportRequest input) {
        return service.publish(input);
    }
}
