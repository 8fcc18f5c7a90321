package dev.cloudbench.core.rounds;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedComparison;
import dev.cloudbench.core.stats.PairedEstimate;
import dev.cloudbench.core.stats.PairedRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pooled comparisons of replicated targets in a suite with variants: per replicated target,
 * benchmark (parameter combination, metric) and non-baseline variant, one comparison over the paired
 * rounds of all its replicas, the instance as the block ({@link PairedEstimate#pooled}). A target's
 * pooled comparisons form one family for Holm's correction, as a replica's own do. Each replica's
 * own comparisons are untouched.
 *
 * <p>A replica takes part in a comparison when it measured at least {@code rules.minRounds()} paired
 * rounds of it — a replica that failed early adds an instance whose centre its few rounds cannot
 * pin down — and a comparison needs {@value #MIN_INSTANCES} such replicas; with fewer there is no
 * pooled comparison (each replica's own verdict stands alone).
 */
public final class ReplicaAnalysis {
    /** Replicas a pooled comparison needs: with one, there is nothing to pool. */
    public static final int MIN_INSTANCES = 2;

    private ReplicaAnalysis() {
    }

    /**
     * @param targets  every target of the run (replicas and targets on one instance, in any order)
     * @param variants the variants' names, the baseline first
     */
    public static List<PooledComparison> pooled(List<TargetResult> targets, List<String> variants, PairedRules rules,
                                                Bootstrap bootstrap) {
        if (variants.size() < 2) {
            return List.of();
        }
        Map<String, List<TargetResult>> groups = new LinkedHashMap<>();
        // A replica the noise canary left out as a noisy host takes no part in its target's pooled verdicts.
        targets.stream().filter(t -> t.replicaOf() != null && !t.leftOutAsNoisy())
                .forEach(t -> groups.computeIfAbsent(t.replicaOf(), k -> new ArrayList<>()).add(t));
        List<PooledComparison> out = new ArrayList<>();
        groups.forEach((group, replicas) -> out.addAll(pooled(group, replicas, variants, rules, bootstrap)));
        return out;
    }

    private static List<PooledComparison> pooled(String group, List<TargetResult> replicas, List<String> variants,
                                                 PairedRules rules, Bootstrap bootstrap) {
        String baseline = variants.get(0);
        Map<String, BenchmarkResult> firstOfCase = new LinkedHashMap<>();
        List<Map<String, Map<String, BenchmarkResult>>> perReplica = new ArrayList<>();
        for (TargetResult r : replicas) {
            Map<String, Map<String, BenchmarkResult>> cases = VariantAnalysis.cases(r.benchmarks());
            perReplica.add(cases);
            cases.forEach((key, byVariant) -> {
                if (byVariant.containsKey(baseline)) {
                    firstOfCase.putIfAbsent(key, byVariant.get(baseline));
                }
            });
        }
        List<BenchmarkResult> bases = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        List<List<String>> pooledInstances = new ArrayList<>();
        List<PairedEstimate> estimates = new ArrayList<>();
        for (Map.Entry<String, BenchmarkResult> c : firstOfCase.entrySet()) {
            for (String v : variants.subList(1, variants.size())) {
                List<double[]> baselineMedians = new ArrayList<>();
                List<double[]> variantMedians = new ArrayList<>();
                List<String> instances = new ArrayList<>();
                for (int i = 0; i < replicas.size(); i++) {
                    Map<String, BenchmarkResult> byVariant = perReplica.get(i).get(c.getKey());
                    if (byVariant == null || byVariant.get(baseline) == null || byVariant.get(v) == null) {
                        continue;
                    }
                    double[][] paired = VariantAnalysis.pairedRounds(byVariant.get(baseline), byVariant.get(v));
                    if (paired[0].length >= rules.minRounds()) {
                        baselineMedians.add(paired[0]);
                        variantMedians.add(paired[1]);
                        instances.add(replicas.get(i).targetId());
                    }
                }
                if (instances.size() >= MIN_INSTANCES) {
                    estimates.add(PairedEstimate.pooled(baselineMedians, variantMedians, bootstrap));
                    bases.add(c.getValue());
                    compared.add(v);
                    pooledInstances.add(instances);
                }
            }
        }
        List<PairedComparison> decided = PairedComparison.decide(estimates, level(replicas, rules), rules);
        List<PooledComparison> out = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            out.add(new PooledComparison(group, pooledInstances.get(i),
                    VariantAnalysis.record(bases.get(i), compared.get(i), baseline, decided.get(i))));
        }
        return out;
    }

    /**
     * The level of a pooled verdict: the smallest level the replicas' own last looks tested at. The
     * pooled rounds were gathered by those looks, so the pooled look is not given more than any of
     * them spent at the end; with one look (rounds.min = rounds.max) it is α.
     */
    static double level(List<TargetResult> replicas, PairedRules rules) {
        return replicas.stream().flatMap(r -> r.variantComparisons().stream()).mapToDouble(VariantComparison::level)
                .min().orElse(rules.alpha());
    }
}
