package dev.cloudbench.core.report;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.HierarchicalBootstrap;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Comparisons across targets, unpaired, with each instance as the unit. Rounds pair variants on one
 * instance; nothing pairs two instances, and the runs of one instance say nothing about how another
 * instance of the same type would do. So a target is compared as its kind — every target of its
 * architecture and instance type, replicas included — against the reference's kind: the ratio of the
 * medians of their instances' medians, with a two-stage bootstrap that resamples instances, then the
 * runs (in a run with variants, the rounds' medians) within each drawn instance
 * ({@link HierarchicalBootstrap}). That needs {@value #MIN_INSTANCES} instances of each kind. With
 * fewer, a run with variants shows the ratio without a verdict (unstable); a run without variants
 * compares the two instances' runs, as side by side always did.
 */
final class InstanceUnits {
    /** At least this many instances a side before a verdict over instances. */
    static final int MIN_INSTANCES = HierarchicalBootstrap.MIN_INSTANCES;

    private InstanceUnits() {
    }

    /**
     * @param variants true in a run with variants: an instance's units are its rounds' medians, and
     *                 fewer than {@value #MIN_INSTANCES} instances a kind give no verdict
     */
    static Comparison compare(TargetResult target, TargetResult reference, String key, List<TargetResult> all,
                              Map<TargetResult, Map<String, BenchmarkResult>> byKey, Bootstrap bootstrap,
                              VerdictRules rules, boolean variants) {
        BenchmarkResult mine = byKey.get(target).get(key);
        BenchmarkResult theirs = byKey.get(reference).get(key);
        List<double[]> myKind = instances(target, key, all, byKey);
        List<double[]> theirKind = instances(reference, key, all, byKey);
        boolean enough = myKind.size() >= MIN_INSTANCES && theirKind.size() >= MIN_INSTANCES;
        if (!enough || sameKind(target, reference)) {
            if (!variants) {
                return Comparison.of(mine.times(), theirs.times(), bootstrap, rules);
            }
            return new Comparison(mine.statistics().median() / theirs.statistics().median(), null, Verdict.UNSTABLE,
                    "unpaired across instances: " + myKind.size() + " and " + theirKind.size()
                            + " instance(s), at least " + MIN_INSTANCES + " of each kind needed");
        }
        return overInstances(myKind, theirKind, bootstrap, rules);
    }

    /**
     * Two groups of instances compared with the instance as the unit: the ratio of the medians of
     * their medians, the interval resampling instances, then each one's values.
     *
     * @param mine   per instance of the current group, its values (runs, or rounds' medians)
     * @param theirs per instance of the reference group
     */
    static Comparison overInstances(List<double[]> mine, List<double[]> theirs, Bootstrap bootstrap,
                                    VerdictRules rules) {
        return Comparison.judge(HierarchicalBootstrap.ratio(mine, theirs),
                new HierarchicalBootstrap(bootstrap).ratioOfMedians(mine, theirs), mine.size(),
                theirs.size(), "instances", new VerdictRules(MIN_INSTANCES, rules.noise(), rules.resolution()));
    }

    /**
     * Per target of the same architecture and instance type as {@code target}, its values of
     * {@code key}: the medians of its rounds for a variant measured in rounds, else its runs.
     */
    private static List<double[]> instances(TargetResult target, String key, List<TargetResult> all,
                                            Map<TargetResult, Map<String, BenchmarkResult>> byKey) {
        return all.stream().filter(t -> sameKind(t, target)).map(byKey::get).filter(Objects::nonNull)
                .map(m -> m.get(key)).filter(b -> b != null && b.times().length > 0).map(InstanceUnits::units)
                .toList();
    }

    private static double[] units(BenchmarkResult b) {
        return b.rounds() == null ? b.times()
                : VariantAnalysis.roundMedians(b).values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    static boolean sameKind(TargetResult a, TargetResult b) {
        return Objects.equals(a.architecture(), b.architecture()) && Objects.equals(a.instanceType(), b.instanceType());
    }
}
