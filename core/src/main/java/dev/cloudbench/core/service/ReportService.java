package dev.cloudbench.core.service;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.MarkdownReport;
import dev.cloudbench.core.results.ResultsAssembler;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.run.TargetOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** "Publish Report": results.json and report.md from everything in the store, failed targets included. */
public final class ReportService {
    private final ResultStorePort store;
    private final Clock clock;

    public ReportService(ResultStorePort store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ReportSummary publish(ReportRequest request) {
        RunRequest run = RunRecords.request(store, request.runId());
        Map<String, TargetOutcome> outcomes = request.outcomes().stream()
                .collect(Collectors.toMap(TargetOutcome::targetId, Function.identity(), (a, b) -> b));
        List<TargetResult> targets = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (PlannedTarget t : PlanService.plannedTargets(run.targets())) {
            TargetResult result = ResultsAssembler.target(store, run.runId(), run.suite(), t, outcomes.get(t.targetId()));
            targets.add(result);
            if (!TargetOutcome.SUCCEEDED.equals(result.status())) {
                failures.add(t.targetId() + ": " + (result.error() == null ? "failed"
                        : (result.error().state() == null ? "" : result.error().state() + ": ") + result.error().message()));
            }
        }
        String status = failures.isEmpty() ? TargetOutcome.SUCCEEDED : TargetOutcome.FAILED;
        RunResults results = new RunResults(RunResults.SCHEMA, run.runId(), run.suite().name(), status,
                clock.instant().toString(), targets);
        store.put(StoreLayout.results(run.runId()), Json.writePretty(results));
        store.put(StoreLayout.reportMarkdown(run.runId()),
                MarkdownReport.render(results).getBytes(StandardCharsets.UTF_8));
        String message = failures.isEmpty()
                ? "all " + targets.size() + " target(s) succeeded"
                : failures.size() + " of " + targets.size() + " target(s) failed: " + String.join("; ", failures);
        return new ReportSummary(run.runId(), status, failures.size(), message,
                StoreLayout.results(run.runId()), StoreLayout.reportMarkdown(run.runId()));
    }
}
