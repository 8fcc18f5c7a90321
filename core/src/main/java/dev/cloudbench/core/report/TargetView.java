package dev.cloudbench.core.report;

import dev.cloudbench.core.cost.Costs;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One target as reports show it.
 *
 * @param result     what results.json says about it
 * @param colour     its index in the chart palette, stable across every chart of a report
 * @param benchmarks its benchmarks, in measurement order
 * @param baseline   what it is compared with, or null
 * @param notMeasuredNow labels the baseline measured that this run did not
 */
public record TargetView(TargetResult result, int colour, List<BenchmarkView> benchmarks, Baseline baseline,
                         List<String> notMeasuredNow) {

    public String id() {
        return result.targetId();
    }

    /** {@code x86_64 · c7i.large · spot}: what the target is, as far as known. */
    public String description() {
        List<String> parts = new ArrayList<>();
        Environment e = result.environment();
        String market = e != null && e.market() != null ? e.market() : result.market();
        for (String p : new String[] {result.architecture(), result.instanceType(), market}) {
            if (p != null && !p.isBlank()) {
                parts.add(p);
            }
        }
        return String.join(" · ", parts);
    }

    /** True for this host rather than a cloud instance: nothing to bill. */
    public boolean local() {
        Environment e = result.environment();
        return Costs.LOCAL.equals(result.instanceType()) || e != null && Costs.LOCAL.equals(e.market());
    }

    public Optional<BenchmarkView> benchmark(String key) {
        return benchmarks.stream().filter(b -> b.key().equals(key)).findFirst();
    }
}
