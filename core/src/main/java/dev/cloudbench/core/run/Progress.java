package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The benchmark script's last progress line ({@code progress.json}).
 *
 * @param state     {@code setup}, {@code running}, {@code done}, {@code failed} or {@code timed-out}
 * @param completed benchmarks finished
 * @param total     benchmarks in the suite
 * @param current   the benchmark (or {@code setup}) in progress or that failed
 * @param exitCode  the failing exit code, or null
 * @param time      when the line was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(String state, int completed, int total, String current, Integer exitCode, String time) {
}
