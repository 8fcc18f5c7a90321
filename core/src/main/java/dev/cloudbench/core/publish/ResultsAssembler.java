package dev.cloudbench.core.publish;

import dev.cloudbench.core.cost.Costs;
import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.CanaryOptions;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.InstanceTime;
import dev.cloudbench.core.results.Interruption;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.rounds.RoundExports;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.TargetOutcome;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one target's raw hyperfine exports and environment back from the store and turns them
 * into its part of results.json; for a suite with variants, its round exports merged per variant,
 * the record of its rounds, and the paired comparisons of its variants. Whatever was measured is kept, whether the target succeeded or
 * not; a benchmark without a readable export is listed as missing, never dropped silently.
 */
public final class ResultsAssembler {
    private ResultsAssembler() {
    }

    public static TargetResult target(ResultStorePort store, String runId, Suite suite, PlannedTarget target,
                                      TargetOutcome outcome, Bootstrap bootstrap, PriceTable prices) {
        List<BenchmarkResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        RoundsRecord rounds = null;
        List<VariantComparison> comparisons = List.of();
        if (suite.hasVariants()) {
            int measured = 0;
            for (Benchmark b : suite.benchmarks()) {
                RoundExports.Merged merged = RoundExports.merge(store, runId, target.targetId(), suite, b, bootstrap);
                results.addAll(merged.results());
                missing.addAll(merged.missing());
                measured = Math.max(measured, merged.rounds());
            }
            rounds = store.get(StoreLayout.rounds(runId, target.targetId())).map(b -> Json.read(b, RoundsRecord.class))
                    .orElse(null);
            PairedRules rules = rounds == null ? VariantAnalysis.rules(suite) : VariantAnalysis.rules(rounds);
            comparisons = VariantAnalysis.compare(results, suite.variants().stream().map(Variant::name).toList(),
                    VariantAnalysis.level(rounds, measured, rules), rules, bootstrap);
        }
        for (Benchmark b : suite.hasVariants() ? List.<Benchmark>of() : suite.benchmarks()) {
            String key = StoreLayout.raw(runId, target.targetId(), b.name());
            var bytes = store.get(key);
            if (bytes.isEmpty()) {
                missing.add(b.name());
                continue;
            }
            HyperfineExport export;
            try {
                export = HyperfineExport.parse(bytes.get(), key);
            } catch (ResultsMissingException e) {
                missing.add(b.name() + " (" + e.getMessage() + ")");
                continue;
            }
            for (HyperfineExport.Entry e : export.results()) {
                results.add(BenchmarkResult.of(b.name(), e, suite.runsOf(b), key, bootstrap));
            }
        }
        for (Benchmark b : suite.hasVariants() ? List.<Benchmark>of() : suite.benchmarks()) {
            if (suite.metricsOf(b).contains(Metric.INSTRUCTIONS)) {
                instructions(store, runId, target.targetId(), suite, b, bootstrap, results, missing);
            }
        }
        Environment environment = store.get(StoreLayout.environment(runId, target.targetId()))
                .map(b -> Json.read(b, Environment.class)).orElse(null);
        String status = outcome == null ? TargetOutcome.FAILED : outcome.status();
        TargetError error = outcome == null
                ? new TargetError("NoOutcome", "the target's branch reported no outcome", null)
                : outcome.error();
        Interruption interruption = store.get(StoreLayout.interruption(runId, target.targetId()))
                .map(b -> Json.read(b, Interruption.class)).orElse(null);
        InstanceTime instanceTime = InstanceTime.of(environment, outcome == null ? null : outcome.terminatedAt());
        return new TargetResult(target.targetId(), target.architecture().id(), target.instanceType(), target.market().id(),
                status, error, environment, results, missing,
                Costs.of(environment, instanceTime, target.instanceType(), target.market().id(), prices), null, rounds,
                comparisons, interruption, instanceTime, target.replicaOf(), target.replica());
    }

    /**
     * The run's noise canaries judged together, once every target is assembled: each instance's
     * level against the other instances of its architecture and instance type, whether it is a noisy
     * host, and whether it is left out of verdicts (the suite's {@code canary.excludeNoisy}, default
     * yes). A target left out gets its wall-time variant comparisons not judged
     * ({@link TargetResult#judgedForNoise()}); its baseline comparisons and the comparisons across
     * targets leave it out when the report is analysed. A target whose instance reported but left no
     * canary, in a suite that runs one, says so. Nothing changes for a suite with the canary off.
     */
    public static List<TargetResult> canaries(List<TargetResult> targets, Suite suite) {
        CanaryOptions options = suite.effectiveCanary();
        if (!options.on()) {
            return targets;
        }
        Map<TargetResult, Canary> own = new IdentityHashMap<>();
        for (TargetResult t : targets) {
            if (t.environment() != null) {
                own.put(t, t.environment().canary() != null ? t.environment().canary()
                        : Canary.none("no canary export: the script ended before it, or could not upload it"));
            }
        }
        List<TargetResult> judged = new ArrayList<>();
        for (TargetResult t : targets) {
            Canary mine = own.get(t);
            if (mine == null) {
                judged.add(t);
                continue;
            }
            List<Canary> peers = targets.stream().filter(p -> p != t && own.containsKey(p)
                            && Objects.equals(p.architecture(), t.architecture())
                            && Objects.equals(p.instanceType(), t.instanceType()))
                    .map(own::get).filter(c -> !c.parts().isEmpty()).toList();
            Canary canary = mine.withPeers(peers).leavingOut(options.excludesNoisy());
            judged.add(t.withEnvironment(t.environment().withCanary(canary)).judgedForNoise());
        }
        return judged;
    }

    /** A plain benchmark's instruction counts ({@code raw/instructions/NAME.json}), after every wall-time result. */
    private static void instructions(ResultStorePort store, String runId, String targetId, Suite suite, Benchmark b,
                                     Bootstrap bootstrap, List<BenchmarkResult> results, List<String> missing) {
        String key = StoreLayout.rawPrefix(runId, targetId) + Metric.INSTRUCTIONS.id() + "/" + b.name() + ".json";
        var bytes = store.get(key);
        if (bytes.isEmpty()) {
            missing.add(b.name() + " (" + Metric.INSTRUCTIONS.id() + ")");
            return;
        }
        try {
            for (HyperfineExport.Entry e : HyperfineExport.parse(bytes.get(), key).results()) {
                results.add(BenchmarkResult.of(b.name(), e, suite.runsOf(b), key, bootstrap).as(Metric.INSTRUCTIONS));
            }
        } catch (ResultsMissingException e) {
            missing.add(b.name() + " (" + Metric.INSTRUCTIONS.id() + ": " + e.getMessage() + ")");
        }
    }
}
