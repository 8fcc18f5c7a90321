package dev.cloudbench.core.pr;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --fail-on-regression PCT}: a run fails the gate when a benchmark is confirmed slower than
 * the baseline variant by more than PCT on any target. Confirmed means the paired verdict of the
 * rounds is {@link Verdict#SLOWER} (significant after Holm's correction, and beyond the suite's
 * minimum effect); "more than PCT" compares the estimated change. {@link Verdict#UNSTABLE} and
 * {@link Verdict#NO_SIGNIFICANT_CHANGE} never fail the gate: the decision says how many there were.
 *
 * <p>A replicated target is judged by its pooled comparisons (every replica's rounds, the instance
 * as the block), not replica by replica: one replica on a slow host must not fail a pull request
 * the others contradict, and N replicas must not get N chances to fail it. A replicated target
 * whose replicas were not pooled (fewer than two measured enough rounds) is judged by what its
 * replicas measured.
 *
 * @param thresholdPercent the change that fails, in percent (5 means 5 % more time); at least 0
 */
public record RegressionGate(double thresholdPercent) {

    public RegressionGate {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("threshold " + thresholdPercent + " is not a percentage of 0 or more");
        }
    }

    /** The gate a flag asks for; bad input, naming the flag, when it is no percentage of 0 or more. */
    public static RegressionGate of(String flag, double percent) {
        if (!(percent >= 0) || Double.isInfinite(percent)) {
            throw new BadInputException(flag + ": " + percent + " is not a percentage of 0 or more");
        }
        return new RegressionGate(percent);
    }

    /** Judges every target of the run. */
    public Decision judge(RunResults run) {
        return judge(run.targets(), run.pooledComparisons());
    }

    /** Judges the targets of one architecture: the commit status of that architecture. */
    public Decision judge(RunResults run, String architecture) {
        return judge(run.targets().stream().filter(t -> Objects.equals(architecture, t.architecture())).toList(),
                run.pooledComparisons());
    }

    /** Judges the given targets, each by its own comparisons. */
    public Decision judge(List<TargetResult> targets) {
        return judge(targets, List.of());
    }

    /** Judges the given targets; a replicated target with pooled comparisons by those. */
    public Decision judge(List<TargetResult> targets, List<PooledComparison> pooled) {
        List<Finding> regressions = new ArrayList<>();
        Map<Verdict, Long> others = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            others.put(v, 0L);
        }
        Map<String, List<PooledComparison>> pooledByTarget = new LinkedHashMap<>();
        pooled.forEach(p -> pooledByTarget.computeIfAbsent(p.target(), k -> new ArrayList<>()).add(p));
        Set<String> judgedPools = new HashSet<>();
        for (TargetResult t : targets) {
            List<PooledComparison> pool = t.replicaOf() == null ? null : pooledByTarget.get(t.replicaOf());
            if (pool != null) {
                if (judgedPools.add(t.replicaOf())) {
                    for (PooledComparison p : pool) {
                        judge(new Finding(t, p.comparison(), t.replicaOf() + ", " + p.instances().size()
                                + " replicas pooled"), regressions, others);
                    }
                }
                continue;
            }
            for (VariantComparison c : t.variantComparisons()) {
                judge(new Finding(t, c, t.targetId()), regressions, others);
            }
        }
        regressions.sort(Comparator.comparingDouble((Finding f) -> -f.comparison().changePercent()));
        others.values().removeIf(n -> n == 0);
        List<String> failed = targets.stream().filter(t -> !t.succeeded()).map(TargetResult::targetId).toList();
        return new Decision(thresholdPercent, regressions, others, failed, targets.size());
    }

    private void judge(Finding f, List<Finding> regressions, Map<Verdict, Long> others) {
        VariantComparison c = f.comparison();
        if (c.verdictValue() == Verdict.SLOWER && c.changePercent() > thresholdPercent) {
            regressions.add(f);
        } else {
            others.merge(c.verdictValue(), 1L, Long::sum);
        }
    }

    /**
     * One benchmark confirmed slower than allowed, on one target (or one replicated target, pooled).
     *
     * @param target     the target, or for a pooled comparison one of its replicas
     * @param comparison the comparison that decided
     * @param unit       what was judged: the target's id, or {@code ID, N replicas pooled}
     */
    public record Finding(TargetResult target, VariantComparison comparison, String unit) {
        /** {@code sha256 on x86_64 (c7i.large): +12.3% (95% interval +10.1% … +14.6%)} */
        public String describe() {
            VariantComparison c = comparison;
            String interval = c.interval() == null ? ""
                    : " (" + Format.level(c.interval().level()) + " interval " + Format.changeRange(c.interval()) + ")";
            String variant = RefVariants.CANDIDATE.equals(c.variant()) ? "" : " [" + c.variant() + " vs " + c.baseline() + "]";
            return c.benchmark() + (c.parameters().isEmpty() ? "" : " " + c.parameters()) + variant + " on "
                    + target.architecture() + " (" + unit + "): " + Format.percent(c.changePercent()) + interval;
        }
    }

    /**
     * What the gate says about a set of targets.
     *
     * @param thresholdPercent the gate's threshold
     * @param regressions      comparisons confirmed slower by more than the threshold, largest first
     * @param others           every other comparison counted by verdict (slower below the threshold included)
     * @param failedTargets    targets that failed: their missing comparisons cannot pass or fail anything
     * @param targets          how many targets were judged
     */
    public record Decision(double thresholdPercent, List<Finding> regressions, Map<Verdict, Long> others,
                           List<String> failedTargets, int targets) {
        public boolean fails() {
            return !regressions.isEmpty();
        }

        /** How many comparisons were judged. */
        public long compared() {
            return regressions.size() + others.values().stream().mapToLong(Long::longValue).sum();
        }

        /** One line: what failed, or why nothing did. */
        public String summary() {
            String limit = String.format(Locale.ROOT, "%.1f%%", thresholdPercent);
            if (fails()) {
                return regressions.size() + " benchmark(s) confirmed slower than the baseline by more than " + limit
                        + ": " + regressions.stream().map(Finding::describe).collect(Collectors.joining("; "));
            }
            if (compared() == 0) {
                return "no comparison with the baseline was measured"
                        + (failedTargets.isEmpty() ? "" : " (failed: " + String.join(", ", failedTargets) + ")");
            }
            return "no benchmark confirmed slower than the baseline by more than " + limit + " (" + counts() + ")";
        }

        /** {@code 2 no significant change, 1 unstable}: every comparison that did not fail, by verdict. */
        public String counts() {
            return others.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label())
                    .collect(Collectors.joining(", "));
        }
    }
}
