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
 * @param arm        the arm64 target
 * @param x86        the x86_64 target it is compared with
 * @param key        the benchmark
 * @param comparison arm64 ÷ x86_64
 */
public record CrossArchitecture(TargetView arm, TargetView x86, String key, Comparison comparison) {
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
                    Comparison c = a.hasVariants()
                            ? InstanceUnits.compare(arm.result(), x86.result(), key, all, byKey, a.bootstrap(), a.rules())
                            : Comparison.of(mine.get().result().times(), theirs.get().result().times(), a.bootstrap(),
                                    a.rules());
                    rows.add(new CrossArchitecture(arm, x86, key, c));
                }
            }
        }
        return rows;
    }

    /** {@code arm ÷ x86}: the targets compared, for a second line under the benchmark. */
    public String pair() {
        return arm.id() + " ÷ " + x86.id();
    }

    private static List<TargetView> measured(RunAnalysis a, String architecture) {
        return a.comparedTargets().stream().filter(t -> !t.benchmarks().isEmpty())
                .filter(t -> architecture.equals(normalized(architecture(t)))).toList();
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
