package dev.cloudbench.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a benchmark's runs are measured by. Wall time is what hyperfine measures; instructions are
 * the user-space instructions a run executes, counted by {@code perf stat -e instructions:u} where
 * the host exposes the counter, else by Valgrind's callgrind — orders of magnitude steadier than
 * wall time on a shared machine, and blind to what does not execute instructions (waiting, I/O).
 */
public enum Metric {
    WALL_TIME("wall-time", "s"),
    INSTRUCTIONS("instructions", "instructions");

    /** What a suite measures when it names no metrics. */
    public static final List<Metric> DEFAULT = List.of(WALL_TIME);

    private final String id;
    private final String unit;

    Metric(String id, String unit) {
        this.id = id;
        this.unit = unit;
    }

    /** The name a suite and results.json use. */
    public String id() {
        return id;
    }

    /** What one value of the metric counts. */
    public String unit() {
        return unit;
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /** {@code wall-time, instructions}: for messages. */
    public static String known() {
        return Arrays.stream(values()).map(Metric::id).collect(Collectors.joining(", "));
    }
}
