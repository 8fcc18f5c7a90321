package dev.cloudbench.core.stats;

/**
 * The warnings hyperfine prints after a benchmark, recomputed from the raw times because its JSON
 * export does not carry them. Ids are stable: results.json stores them.
 */
public enum BenchmarkWarning {
    FAST_EXECUTION("fast-execution", "some runs took under 5 ms, below what hyperfine can correct for shell start-up"),
    NON_ZERO_EXIT("non-zero-exit", "some runs exited with a non-zero code (ignored with hyperfine -i)"),
    SLOW_FIRST_RUN("slow-first-run", "the first run was much slower than the rest (cold caches?)"),
    OUTLIERS("outliers", "statistical outliers: another process or the machine interfered");

    private final String id;
    private final String description;

    BenchmarkWarning(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The warning with this id, or null for an id this version does not know. */
    public static BenchmarkWarning byId(String id) {
        for (BenchmarkWarning w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        return null;
    }
}
