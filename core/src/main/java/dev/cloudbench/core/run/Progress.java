package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The benchmark script's last progress line ({@code progress.json}).
 *
 * @param state     {@code setup}, {@code running}, {@code done}, {@code failed} or {@code timed-out}
 * @param completed benchmarks finished; in a suite with variants, rounds finished
 * @param total     benchmarks in the suite; in a suite with variants, the last round of the command
 * @param current   the benchmark (or {@code setup}) in progress or that failed
 * @param exitCode  the failing exit code, or null
 * @param time      when the line was written
 * @param round     a suite with variants: the round in progress or that failed
 * @param variant   a suite with variants: the variant in progress or that failed (may be empty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(String state, int completed, int total, String current, Integer exitCode, String time,
                       Integer round, String variant) {

    public Progress(String state, int completed, int total, String current, Integer exitCode, String time) {
        this(state, completed, total, current, exitCode, time, null, null);
    }

    /** True when the line names a round of a suite with variants. */
    public boolean inRound() {
        return round != null && variant != null && !variant.isEmpty();
    }
}
