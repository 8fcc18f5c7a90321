package dev.cloudbench.core.report;

import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Comparison;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One benchmark on an arm64 target against the same benchmark on an x86_64 target: the ratio of
 * their medians (above 1, arm64 takes longer) with its interval and verdict. Nothing pairs two
 * machines, so the comparison is unpaired, as side by side: a bootstrap of the ratio of medians
 * over the runs, or, in a run with variants, over instances (see {@link InstanceUnits}).
 *
 * <p>A replicated target is compared once, as its first replica: over instances, its replicas
 * together are what is compared.
 *
 * @param arm        the arm64 target (a replicated target's first replica)
 * @param x86        the x86_64 target it is compared with
 * @param key        the benchmark
 * @param comparison arm64 ÷ x86_64
 * @param armInstances instances of the arm64 target (its replicas), 1 without replicas
 * @param x86Instances instances of the x86_64 target
 */
public record CrossArchitecture(TargetView arm, TargetView x86, String key, Comparison comparison, int armInstances,
                                int x86Instances) {
    public static final String ARM64 = "arm64";
    public static final String X86_64 = "x86_64";

    /**
     * Every arm64 target with results against every x86_64 target with results, per benchmark both
     * measured; empty unless both architectures were measured.
     */
    public static List<CrossArchitecture> of(RunAnalysis a) {
        List<TargetView> arms = measured(a, ARM64);
        List<TargetView> x86s = measured(a, X86_64);
        List<CrossArchitecture> rows = new ArrayList<>();
        if (arms.isEmpty() || x86s.isEmpty()) {
            return rows;
        }
        List<TargetResult> all = a.comparedTargets().stream().map(TargetView::result).toList();
        Map<TargetResult, Map<String, BenchmarkResult>> byKey = new IdentityHashMap<>();
        all.forEach(t -> byKey.put(t, RunAnalysis.byKey(t)));
        for (String key : a.keys()) {
            for (TargetView arm : arms) {
                for (TargetView x86 : x86s) {
                    Optional<BenchmarkView> mine = arm.benchmark(key);
                    Optional<BenchmarkView> theirs = x86.benchmark(key);
                    if (mine.isEmpty() || theirs.isEmpty()) {
                        continue;
                    }
                    Comparison c = InstanceUnits.compare(arm.result(), x86.result(), key, all, byKey,
                            a.bootstrap(), a.rules(), a.hasVariants());
                    rows.add(new CrossArchitecture(arm, x86, key, c, replicas(a, arm), replicas(a, x86)));
                }
            }
        }
        return rows;
    }

    /** {@code arm ÷ x86}: the targets compared, for a second line under the benchmark. */
    public String pair() {
        return name(arm, armInstances) + " ÷ " + name(x86, x86Instances);
    }

    private static String name(TargetView t, int instances) {
        return t.result().replicaOf() == null ? t.id() : t.result().replicaOf() + " (" + instances + " instances)";
    }

    /**
     * Targets of the architecture with results, noisy hosts left out; of a replicated target, its first
     * replica with results only.
     */
    private static List<TargetView> measured(RunAnalysis a, String architecture) {
        java.util.Set<String> groups = new java.util.HashSet<>();
        return a.comparedTargets().stream().filter(t -> !t.benchmarks().isEmpty())
                .filter(t -> architecture.equals(normalized(architecture(t))))
                .filter(t -> t.result().replicaOf() == null || groups.add(t.result().replicaOf())).toList();
    }

    /** The replicas of {@code t}'s target with results, noisy hosts left out; 1 for a target without replicas. */
    private static int replicas(RunAnalysis a, TargetView t) {
        String group = t.result().replicaOf();
        return group == null ? 1 : (int) a.comparedTargets().stream()
                .filter(v -> group.equals(v.result().replicaOf()) && !v.benchmarks().isEmpty()).count();
    }

    private static String architecture(TargetView t) {
        String declared = t.result().architecture();
        if (declared != null && !declared.isBlank()) {
            return declared;
        }
        return t.result().environment() == null ? null : t.result().environment().architecture();
    }

    /** {@code aarch64} is arm64 and {@code amd64} is x86_64, as uname and Debian spell them. */
    static String normalized(String architecture) {
        if (architecture == null) {
            return null;
        }
        return Architecture.ofName(architecture).map(Architecture::id)
                .orElse(architecture.toLowerCase(Locale.ROOT));
    }
}
