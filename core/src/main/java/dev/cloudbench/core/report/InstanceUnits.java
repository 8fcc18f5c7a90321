package dev.cloudbench.core.report;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Comparisons across targets in a run with variants: unpaired, with each instance as the unit. The
 * rounds pair variants on one instance; nothing pairs two instances, and the runs of one instance
 * say nothing about how another instance of the same type would do. So a target is compared by its
 * instance's median, against the medians of the reference's instances — the targets of the same
 * architecture and instance type. With one instance on a side there is no spread to judge by: the
 * ratio is shown, the verdict is unstable.
 */
final class InstanceUnits {
    /** At least this many instances a side before a verdict. */
    static final int MIN_INSTANCES = 2;

    private InstanceUnits() {
    }

    static Comparison compare(TargetResult target, TargetResult reference, String key, List<TargetResult> all,
                              Map<TargetResult, Map<String, BenchmarkResult>> byKey, Bootstrap bootstrap,
                              VerdictRules rules) {
        double[] mine = medians(target, key, all, byKey);
        double[] theirs = medians(reference, key, all, byKey);
        double ratio = byKey.get(target).get(key).statistics().median()
                / byKey.get(reference).get(key).statistics().median();
        if (mine.length < MIN_INSTANCES || theirs.length < MIN_INSTANCES || sameKind(target, reference)) {
            return new Comparison(ratio, null, Verdict.UNSTABLE, "unpaired across instances: " + mine.length + " and "
                    + theirs.length + " instance(s), at least " + MIN_INSTANCES + " of each kind needed");
        }
        return Comparison.of(mine, theirs, bootstrap, new VerdictRules(MIN_INSTANCES, rules.noise(), rules.resolution()));
    }

    /** The medians of {@code key} on every target of the same architecture and instance type as {@code target}. */
    private static double[] medians(TargetResult target, String key, List<TargetResult> all,
                                    Map<TargetResult, Map<String, BenchmarkResult>> byKey) {
        return all.stream().filter(t -> sameKind(t, target)).map(byKey::get).filter(Objects::nonNull)
                .map(m -> m.get(key)).filter(Objects::nonNull).mapToDouble(b -> b.statistics().median()).toArray();
    }

    private static boolean sameKind(TargetResult a, TargetResult b) {
        return Objects.equals(a.architecture(), b.architecture()) && Objects.equals(a.instanceType(), b.instanceType());
    }
}
