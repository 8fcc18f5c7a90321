package dev.cloudbench.core.report;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.Interval;
import java.util.List;

/**
 * One benchmark of one target as reports show it.
 *
 * @param key            the benchmark's label, unique within its target (a repeated label gets {@code #2}, ...)
 * @param result         what was measured
 * @param medianInterval bootstrap interval of the median, or null with fewer than two times
 * @param warnings       hyperfine's warnings that apply
 * @param baseline       the same benchmark in the target's baseline, or null
 * @param change         this against {@code baseline}, or null without one
 * @param vsReference    this against the same benchmark on the run's reference target (the first
 *                       target with results), or null for the reference itself or when it lacks the benchmark
 * @param costPerRun     median × the target's price per second, USD, or null without a price
 */
public record BenchmarkView(String key, BenchmarkResult result, Interval medianInterval,
                            List<BenchmarkWarning> warnings, BenchmarkResult baseline, Comparison change,
                            Comparison vsReference, Double costPerRun) {

    public Statistics stats() {
        return result.statistics();
    }

    /** Interval of {@link #costPerRun}, from the median's interval; null when either is unknown. */
    public Interval costPerRunInterval() {
        double median = result.statistics().median();
        return costPerRun == null || medianInterval == null || !(median > 0) ? null
                : medianInterval.times(costPerRun / median);
    }

    /** "7 of 10" when fewer runs were measured than requested, else the count. */
    public String runs() {
        return result.fewerRunsThanRequested()
                ? stats().runs() + " of " + result.runsRequested()
                : String.valueOf(stats().runs());
    }
}
