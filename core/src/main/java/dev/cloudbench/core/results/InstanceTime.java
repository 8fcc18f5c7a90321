package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a target's instance time went: launched, ready for commands, benchmarking from the first
 * command's start to the last results collected, and the terminate request. Benchmarking is what
 * the suite measured in; overhead is the rest (launch to the first benchmark, last benchmark to
 * the terminate request), which the instance is billed for all the same.
 *
 * @param launchedAt          when the instance was launched (EC2's LaunchTime), or null
 * @param readyAt             when "Check Instance" found it ready for commands, or null
 * @param benchmarkStartedAt  when the first benchmark command started, or null
 * @param benchmarkFinishedAt when the last results were collected, or null
 * @param terminatedAt        when the target's branch asked for its termination, or null
 * @param instanceSeconds     launch to terminate request; null when either is unknown
 * @param benchmarkSeconds    benchmark start to results collected; null when either is unknown
 * @param overheadSeconds     {@code instanceSeconds - benchmarkSeconds}; null when either is unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstanceTime(String launchedAt, String readyAt, String benchmarkStartedAt, String benchmarkFinishedAt,
                           String terminatedAt, Double instanceSeconds, Double benchmarkSeconds, Double overheadSeconds) {

    /** From the environment the target reported (null when it never did) and the terminate request's time. */
    public static InstanceTime of(Environment environment, String terminatedAt) {
        String launched = environment == null ? null : environment.launchedAt();
        String ready = environment == null ? null : environment.readyAt();
        String started = environment == null ? null : environment.startedAt();
        String finished = environment == null ? null : environment.finishedAt();
        if (launched == null && ready == null && started == null && finished == null && terminatedAt == null) {
            return null;
        }
        Double instance = seconds(launched, terminatedAt);
        Double benchmark = seconds(started, finished);
        Double overhead = instance == null || benchmark == null ? null : Math.max(0, instance - benchmark);
        return new InstanceTime(launched, ready, started, finished, terminatedAt, instance, benchmark, overhead);
    }

    /** Seconds from {@code from} to {@code to} (ISO-8601), or null when either is missing or unreadable. */
    public static Double seconds(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        try {
            return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis() / 1000.0;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
