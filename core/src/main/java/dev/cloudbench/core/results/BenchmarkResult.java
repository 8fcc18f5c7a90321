package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.HyperfineWarnings;
import dev.cloudbench.core.stats.Interval;
import java.util.List;
import java.util.Map;

/**
 * One measured command in results.json.
 *
 * @param benchmark      the suite's benchmark name (for plain hyperfine exports: the file's name)
 * @param command        the command as run (parameters substituted)
 * @param parameters     parameter values, empty without parameter lists
 * @param runsRequested  the runs the suite asked for, or null when unknown (plain hyperfine
 *                       exports); {@code statistics.runs} below it is flagged in reports
 * @param statistics     computed from {@code times}
 * @param medianInterval bootstrap confidence interval of the median, or null with fewer than two times
 * @param warnings       ids of hyperfine's warnings that apply ({@link BenchmarkWarning}), recomputed
 *                       from {@code times}
 * @param times          every raw wall time, seconds, in measurement order
 * @param exitCodes      per run, when hyperfine recorded them
 * @param user           mean user time, seconds, or null
 * @param system         mean system time, seconds, or null
 * @param rawExport      store key (or file) of the untouched hyperfine export; for a variant, the
 *                       key prefix of its benchmark's round exports
 * @param variant        the variant measured, or null in a suite without variants
 * @param rounds         for a variant: per time (same order as {@code times}) the round it was measured in
 * @param positions      for a variant: per time its variant's position in that round's order (1 = ran first)
 * @param metric         {@code instructions} when {@code times} hold instruction counts per run (the
 *                       counting pass beside hyperfine's runs), statistics and interval then in
 *                       instructions; null for wall time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BenchmarkResult(
        String benchmark,
        String command,
        Map<String, String> parameters,
        Integer runsRequested,
        Statistics statistics,
        Interval medianInterval,
        List<String> warnings,
        double[] times,
        List<Integer> exitCodes,
        Double user,
        Double system,
        String rawExport,
        String variant,
        int[] rounds,
        int[] positions,
        String metric) {

    public BenchmarkResult {
        parameters = parameters == null ? Map.of() : parameters;
        warnings = warnings == null ? List.of() : warnings;
        exitCodes = exitCodes == null ? List.of() : exitCodes;
    }

    /** A wall-time result. */
    public BenchmarkResult(String benchmark, String command, Map<String, String> parameters, Integer runsRequested,
                           Statistics statistics, Interval medianInterval, List<String> warnings, double[] times,
                           List<Integer> exitCodes, Double user, Double system, String rawExport, String variant,
                           int[] rounds, int[] positions) {
        this(benchmark, command, parameters, runsRequested, statistics, medianInterval, warnings, times, exitCodes,
                user, system, rawExport, variant, rounds, positions, null);
    }

    /** A result of a suite without variants. */
    public BenchmarkResult(String benchmark, String command, Map<String, String> parameters, Integer runsRequested,
                           Statistics statistics, Interval medianInterval, List<String> warnings, double[] times,
                           List<Integer> exitCodes, Double user, Double system, String rawExport) {
        this(benchmark, command, parameters, runsRequested, statistics, medianInterval, warnings, times, exitCodes,
                user, system, rawExport, null, null, null);
    }

    /** A result from one entry of a hyperfine export, with statistics, interval and warnings computed. */
    public static BenchmarkResult of(String benchmark, HyperfineExport.Entry entry, Integer runsRequested,
                                     String rawExport, Bootstrap bootstrap) {
        List<String> warnings = HyperfineWarnings.of(entry.times(), entry.exitCodes()).stream()
                .map(BenchmarkWarning::id).toList();
        return new BenchmarkResult(benchmark, entry.command(), entry.parameters(), runsRequested,
                Statistics.of(entry.times()), bootstrap.median(entry.times()), warnings, entry.times(),
                entry.exitCodes(), entry.user(), entry.system(), rawExport);
    }

    /** The same result with its statistics computed again from {@code times}. */
    public BenchmarkResult withStatisticsFromTimes() {
        return new BenchmarkResult(benchmark, command, parameters, runsRequested, Statistics.of(times), medianInterval,
                warnings, times, exitCodes, user, system, rawExport, variant, rounds, positions, metric);
    }

    /** What {@code times} measure. */
    @JsonIgnore
    public Metric metricValue() {
        return metric == null ? Metric.WALL_TIME : Metric.byId(metric).orElse(Metric.WALL_TIME);
    }

    /**
     * The same values as a result of {@code m}. Instruction counts carry none of hyperfine's warnings
     * (they are about wall times and exit codes) and no user or system time.
     */
    public BenchmarkResult as(Metric m) {
        if (m == Metric.WALL_TIME) {
            return new BenchmarkResult(benchmark, command, parameters, runsRequested, statistics, medianInterval,
                    warnings, times, exitCodes, user, system, rawExport, variant, rounds, positions, null);
        }
        return new BenchmarkResult(benchmark, command, parameters, runsRequested, statistics, medianInterval,
                List.of(), times, List.of(), null, null, rawExport, variant, rounds, positions, m.id());
    }

    /** True when fewer runs were measured than the suite asked for. */
    public boolean fewerRunsThanRequested() {
        return runsRequested != null && statistics.runs() < runsRequested;
    }
}
