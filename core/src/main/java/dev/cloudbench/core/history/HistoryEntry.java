package dev.cloudbench.core.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.stats.Interval;
import java.util.Map;

/**
 * One point of a series: what one published run measured for one benchmark (with its parameter
 * values, and variant) and metric on one target. Stored, with the run's other points on that
 * target, in {@code suites/SUITE/history/TARGET/RUN.json} ({@link HistoryRecord}).
 *
 * @param time         when the target started measuring (ISO-8601), or when the run was published
 * @param runId        the run
 * @param targetId     the target
 * @param architecture as requested
 * @param instanceType as requested
 * @param market       the market the instance was bought in ({@code spot}, {@code on-demand}, {@code local})
 * @param benchmark    the suite's benchmark name
 * @param parameters   its parameter values, empty without parameter lists
 * @param variant      the variant measured, or null in a suite without variants
 * @param metric       what {@code median} measures: {@value #WALL_TIME} (seconds)
 * @param commit       the repository commit measured (the variant's own, when it has a checkout), or null
 * @param ref          the ref that commit was checked out at (the variant's own, when it has one), or null
 * @param median       the run's median
 * @param interval     the median's bootstrap confidence interval, or null with fewer than two times
 * @param instances    a replicated target: how many instances (replicas) the point pools — its
 *                     median is the median of theirs, its interval resamples instances, then runs;
 *                     null for one instance
 * @param noisyHost    true when the instance was left out of verdicts as a noisy host (its canary
 *                     out of line): the point is kept and drawn, and left out of change-point
 *                     detection; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(String time, String runId, String targetId, String architecture, String instanceType,
                           String market, String benchmark,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> parameters,
                           String variant, String metric, String commit, String ref, double median,
                           Interval interval, Integer instances, Boolean noisyHost) {
    public static final String WALL_TIME = "wall-time";

    public HistoryEntry {
        parameters = parameters == null ? Map.of() : parameters;
    }

    /** A point measured on one instance of a quiet host (or before either was recorded). */
    public HistoryEntry(String time, String runId, String targetId, String architecture, String instanceType,
                        String market, String benchmark, Map<String, String> parameters, String variant,
                        String metric, String commit, String ref, double median, Interval interval) {
        this(time, runId, targetId, architecture, instanceType, market, benchmark, parameters, variant, metric,
                commit, ref, median, interval, null, null);
    }

    /** True when change-point detection leaves this point out: measured on a noisy host. */
    @JsonIgnore
    public boolean leftOut() {
        return Boolean.TRUE.equals(noisyHost);
    }

    /** The series this point belongs to. */
    @JsonIgnore
    public SeriesKey key() {
        String label = Format.label(benchmark, parameters);
        return new SeriesKey(targetId, variant == null ? label : label + " · " + variant, metric);
    }

    /** The commit shortened as people read it, or {@code ?}. */
    @JsonIgnore
    public String shortCommit() {
        return commit == null ? "?" : commit.length() > 12 ? commit.substring(0, 12) : commit;
    }
}
