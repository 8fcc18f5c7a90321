package dev.cloudbench.core.rounds;

import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.AlphaSpending;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedComparison;
import dev.cloudbench.core.stats.PairedEstimate;
import dev.cloudbench.core.stats.PairedRules;
import dev.cloudbench.core.stats.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paired comparisons of one target of a suite with variants: for every benchmark (and parameter
 * combination), every variant against the baseline variant, over the rounds in which both were
 * measured. The same code decides whether to add rounds ("Collect Results") and writes the
 * verdicts into results.json and the reports, so they always agree.
 */
public final class VariantAnalysis {
    private VariantAnalysis() {
    }

    /** The rules of a suite: the defaults with the suite's minimum effect. */
    public static PairedRules rules(Suite suite) {
        return PairedRules.DEFAULT.withMinEffect(suite.effectiveRounds().minEffect());
    }

    /** The rules a record was decided with. */
    public static PairedRules rules(RoundsRecord record) {
        return PairedRules.DEFAULT.withMinEffect(record.minEffectPercent() / 100);
    }

    /**
     * The level of the verdicts a target's results state, given how its rounds went: the last look
     * the record names, or — when the target stopped before its rounds were done — a final look at
     * {@code roundsNow} spending what the earlier looks left.
     */
    public static double level(RoundsRecord record, int roundsNow, PairedRules rules) {
        if (record == null) {
            return rules.alpha();
        }
        List<Integer> looks = record.looks();
        if (record.stoppedBecause() != null && !looks.isEmpty()) {
            return AlphaSpending.levelAt(rules.alpha(), rules.spending(), looks.subList(0, looks.size() - 1),
                    looks.get(looks.size() - 1), record.max(), record.lastLookWasFinal());
        }
        List<Integer> earlier = looks.stream().filter(l -> l < roundsNow).toList();
        return AlphaSpending.levelAt(rules.alpha(), rules.spending(), earlier, roundsNow, record.max(), true);
    }

    /**
     * Every metric's comparisons in one family: Holm's correction and the look's level cover them all,
     * so counting instructions beside the times does not raise the run's false-positive rate.
     *
     * @param benchmarks the target's results, each with its variant, rounds and positions (and metric)
     * @param variants   the variants' names, the baseline first
     * @param level      the level of this look
     */
    public static List<VariantComparison> compare(List<BenchmarkResult> benchmarks, List<String> variants, double level,
                                                  PairedRules rules, Bootstrap bootstrap) {
        if (variants.size() < 2) {
            return List.of();
        }
        String baseline = variants.get(0);
        List<BenchmarkResult> cases = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        List<PairedEstimate> estimates = new ArrayList<>();
        for (Map<String, BenchmarkResult> perVariant : cases(benchmarks).values()) {
            BenchmarkResult base = perVariant.get(baseline);
            if (base == null) {
                continue;
            }
            for (String v : variants.subList(1, variants.size())) {
                BenchmarkResult other = perVariant.get(v);
                if (other == null) {
                    continue;
                }
                estimates.add(estimate(base, other, bootstrap));
                cases.add(base);
                compared.add(v);
            }
        }
        List<PairedComparison> decided = PairedComparison.decide(estimates, level, rules);
        List<VariantComparison> out = new ArrayList<>();
        for (int i = 0; i < decided.size(); i++) {
            out.add(record(cases.get(i), compared.get(i), baseline, decided.get(i)));
        }
        return out;
    }

    /**
     * A target's results of variants measured in rounds, by case — benchmark, parameter values and
     * metric, each compared on its own values by the same rules — then by variant, in order of first
     * appearance.
     */
    static Map<String, Map<String, BenchmarkResult>> cases(List<BenchmarkResult> benchmarks) {
        Map<String, Map<String, BenchmarkResult>> byCase = new LinkedHashMap<>();
        for (BenchmarkResult b : benchmarks) {
            if (b.variant() != null && b.rounds() != null) {
                byCase.computeIfAbsent(b.benchmark() + "\u0000" + b.parameters() + "\u0000" + b.metric(),
                                k -> new LinkedHashMap<>())
                        .put(b.variant(), b);
            }
        }
        return byCase;
    }

    /** results.json's record of a decided comparison of {@code variant} against {@code baseline} on {@code base}'s case. */
    static VariantComparison record(BenchmarkResult base, String variant, String baseline, PairedComparison c) {
        PairedEstimate e = c.estimate();
        return new VariantComparison(base.benchmark(), base.parameters(), variant, baseline, e.rounds(), e.ratio(),
                e.interval(), e.pValue(), c.adjustedPValue(), c.level(), e.noise(), c.verdict().id(), c.reason(),
                c.settled(), base.metric());
    }

    /** The paired estimate over the rounds in which both were measured. */
    static PairedEstimate estimate(BenchmarkResult baseline, BenchmarkResult variant, Bootstrap bootstrap) {
        double[][] paired = pairedRounds(baseline, variant);
        return PairedEstimate.of(paired[0], paired[1], bootstrap);
    }

    /**
     * The rounds in which both were measured, in round order: {@code [0]} the baseline's median of
     * each, {@code [1]} the variant's.
     */
    static double[][] pairedRounds(BenchmarkResult baseline, BenchmarkResult variant) {
        Map<Integer, Double> base = roundMedians(baseline);
        Map<Integer, Double> other = roundMedians(variant);
        List<Double> b = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (Map.Entry<Integer, Double> round : base.entrySet()) {
            Double o = other.get(round.getKey());
            if (o != null) {
                b.add(round.getValue());
                v.add(o);
            }
        }
        return new double[][] {b.stream().mapToDouble(Double::doubleValue).toArray(),
            v.stream().mapToDouble(Double::doubleValue).toArray()};
    }

    /** Per round, in round order, the median of the result's times in that round. */
    public static Map<Integer, Double> roundMedians(BenchmarkResult result) {
        Map<Integer, List<Double>> times = new TreeMap<>();
        for (int i = 0; i < result.times().length; i++) {
            times.computeIfAbsent(result.rounds()[i], r -> new ArrayList<>()).add(result.times()[i]);
        }
        Map<Integer, Double> medians = new TreeMap<>();
        times.forEach((round, t) -> medians.put(round,
                Quantiles.median(Quantiles.sorted(t.stream().mapToDouble(Double::doubleValue).toArray()))));
        return medians;
    }
}
