package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A benchmark suite as its author writes it (JSON or YAML). Counts and timeout are optional in the
 * file; {@link #effectiveWarmup()} and friends apply the documented defaults. A suite is only
 * trusted after {@code SuiteValidator} accepted it.
 *
 * @param name           identifies the suite in result paths and reports
 * @param description    free text for people
 * @param repository     optional repository to clone before setup; its URL and ref never reach a
 *                       shell unvalidated
 * @param setup          shell commands run once, in order, in the checkout (or work directory)
 * @param warmup         hyperfine warmup runs per benchmark (default 3)
 * @param runs           hyperfine measured runs per benchmark (default 10, at least 2)
 * @param timeoutSeconds limit for the whole suite on one instance (default 1800)
 * @param benchmarks     at least one benchmark, names unique
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suite(
        String name,
        String description,
        Repository repository,
        List<String> setup,
        Integer warmup,
        Integer runs,
        Integer timeoutSeconds,
        List<Benchmark> benchmarks) {

    public static final int DEFAULT_WARMUP = 3;
    public static final int DEFAULT_RUNS = 10;
    public static final int DEFAULT_TIMEOUT_SECONDS = 1800;
    /** SSM's own ceiling for a command's execution timeout (48 hours). */
    public static final int MAX_TIMEOUT_SECONDS = 172_800;

    public Suite {
        setup = setup == null ? List.of() : List.copyOf(setup);
        benchmarks = benchmarks == null ? null : List.copyOf(benchmarks);
    }

    public int effectiveWarmup() {
        return warmup == null ? DEFAULT_WARMUP : warmup;
    }

    public int effectiveRuns() {
        return runs == null ? DEFAULT_RUNS : runs;
    }

    public int effectiveTimeoutSeconds() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    }

    public int warmupOf(Benchmark benchmark) {
        return benchmark.warmup() == null ? effectiveWarmup() : benchmark.warmup();
    }

    public int runsOf(Benchmark benchmark) {
        return benchmark.runs() == null ? effectiveRuns() : benchmark.runs();
    }
}
