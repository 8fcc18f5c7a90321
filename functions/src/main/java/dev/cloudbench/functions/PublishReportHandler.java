package dev.cloudbench.functions;

import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.publish.ReportService;
import dev.cloudbench.functions.aws.AwsPorts;

/** "Publish Report": results.json and report.md. */
public final class PublishReportHandler extends TaskHandler<ReportRequest, ReportSummary> {
    private final ReportService service;

    /** The constructor Lambda calls: this task's AWS adapters, built once per container. */
    public PublishReportHandler() {
        this(Tasks.report(AwsPorts.forTask("PublishReport")));
        primeForSnapStart("PublishReport");
    }

    public PublishReportHandler(ReportService service) {
        super(ReportRequest.class);
        this.service = service;
    }

    @Override
    protected ReportSummary handle(ReportRequest input) {
        return service.publish(input);
    }
}
