package dev.cloudbench.core.publish;

import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.history.ChangePointOptions;
import dev.cloudbench.core.history.HistoryRecorder;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.report.Baseline;
import dev.cloudbench.core.report.HistoryNote;
import dev.cloudbench.core.report.HtmlReport;
import dev.cloudbench.core.report.MarkdownReport;
import dev.cloudbench.core.report.ReportText;
import dev.cloudbench.core.report.RunAnalysis;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.rounds.ReplicaAnalysis;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.ReportRequest;
import dev.cloudbench.core.run.ReportSummary;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.service.PlanService;
import dev.cloudbench.core.service.RunRecords;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Publish Report": results.json, report.md and report.html from everything in the store, failed
 * targets included. Each target is compared with the latest earlier run of the suite in which it
 * succeeded; afterwards, each target that succeeded becomes the baseline of the suite's next run,
 * unless its noise canary left it out as a noisy host.
 */
public final class ReportService {
    private final ResultStorePort store;
    private final Clock clock;
    private final Bootstrap bootstrap;
    private final PriceTable prices;

    public ReportService(ResultStorePort store, Clock clock) {
        this(store, clock, Bootstrap.standard(), PriceTable.bundled());
    }

    public ReportService(ResultStorePort store, Clock clock, Bootstrap bootstrap, PriceTable prices) {
        this.store = store;
        this.clock = clock;
        this.bootstrap = bootstrap;
        this.prices = prices;
    }

    public ReportSummary publish(ReportRequest request) {
        RunRequest run = RunRecords.request(store, request.runId());
        String suite = run.suite().name();
        Map<String, TargetOutcome> outcomes = request.outcomes().stream()
                .collect(Collectors.toMap(TargetOutcome::targetId, Function.identity(), (a, b) -> b));
        Baselines baselines = new Baselines(store);
        Map<String, Baseline> compared = new LinkedHashMap<>();
        List<TargetResult> targets = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (PlannedTarget t : PlanService.plannedTargets(run.targets())) {
            TargetResult result = ResultsAssembler.target(store, run.runId(), run.suite(), t,
                    outcomes.get(t.targetId()), bootstrap, prices);
            var baseline = baselines.find(suite, t.targetId(), run.runId());
            if (baseline.isPresent()) {
                compared.put(t.targetId(), baseline.get());
                result = result.withBaseline(baseline.get().runId());
            }
            targets.add(result);
            if (!result.succeeded()) {
                failures.add(t.targetId() + ": " + (result.error() == null ? "failed"
                        : (result.error().state() == null ? "" : result.error().state() + ": ") + result.error().message()));
            }
        }
        targets = ResultsAssembler.canaries(targets, run.suite());
        String status = failures.isEmpty() ? TargetOutcome.SUCCEEDED : TargetOutcome.FAILED;
        String now = clock.instant().toString();
        List<PooledComparison> pooled = ReplicaAnalysis.pooled(targets,
                run.suite().hasVariants() ? run.suite().variants().stream().map(Variant::name).toList() : List.of(),
                VariantAnalysis.rules(run.suite()), bootstrap);
        RunResults results = new RunResults(RunResults.SCHEMA, run.runId(), suite, status, now, targets, pooled);
        store.put(StoreLayout.results(run.runId()), Json.writePretty(results));
        HistoryRecorder.Update history = new HistoryRecorder(store, ChangePointOptions.DEFAULT).record(run, results);
        RunAnalysis analysis = RunAnalysis.of(results, compared, bootstrap, VerdictRules.DEFAULT)
                .withHistory(HistoryNote.of(suite, history.sentences()));
        store.put(StoreLayout.reportMarkdown(run.runId()), MarkdownReport.render(analysis).getBytes(StandardCharsets.UTF_8));
        store.put(StoreLayout.reportHtml(run.runId()), HtmlReport.render(analysis).getBytes(StandardCharsets.UTF_8));
        for (TargetResult t : targets) {
            // A noisy host left out of verdicts is no reference for the next run's either.
            if (t.succeeded() && !t.leftOutAsNoisy()) {
                baselines.advance(suite, t.targetId(), run.runId(), now);
            }
        }
        String message = failures.isEmpty()
                ? "all " + targets.size() + " target(s) succeeded"
                : failures.size() + " of " + targets.size() + " target(s) failed: " + String.join("; ", failures);
        String verdicts = ReportText.verdictSummary(analysis);
        if (verdicts != null) {
            message += "; against the baseline: " + verdicts;
        }
        String variantVerdicts = ReportText.variantSummary(analysis);
        if (variantVerdicts != null) {
            message += "; variants: " + variantVerdicts;
        }
        message += history.summary();
        int regressions = analysis.verdictCounts().getOrDefault(Verdict.SLOWER, 0L).intValue()
                + analysis.variantVerdictCounts().getOrDefault(Verdict.SLOWER, 0L).intValue();
        return new ReportSummary(run.runId(), status, failures.size(), regressions, message,
                StoreLayout.results(run.runId()), StoreLayout.reportMarkdown(run.runId()),
                StoreLayout.reportHtml(run.runId()));
    }
}
