package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * @param variants       optional: two or more variants measured in interleaved rounds on the same
 *                       instance and compared with the first (the baseline) by paired statistics;
 *                       then {@code warmup} and {@code runs} count per variant per round
 * @param rounds         how the rounds of a suite with variants are budgeted and ordered
 * @param metrics        what every benchmark is measured by ({@link Metric#id()}s; default
 *                       {@code ["wall-time"]}); a benchmark may name its own
 * @param canary         the noise canary: on unless the suite says {@code false}; whether noisy
 *                       hosts are left out of verdicts ({@link CanaryOptions}); null: the defaults
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
        List<Benchmark> benchmarks,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Variant> variants,
        Rounds rounds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> metrics,
        CanaryOptions canary) {

    public static final int DEFAULT_WARMUP = 3;
    public static final int DEFAULT_RUNS = 10;
    public static final int DEFAULT_TIMEOUT_SECONDS = 1800;
    /** SSM's own ceiling for a command's execution timeout (48 hours). */
    public static final int MAX_TIMEOUT_SECONDS = 172_800;
    /** Defaults per variant per round in a suite with variants: a round is short, rounds are many. */
    public static final int DEFAULT_ROUND_WARMUP = 1;
    public static final int DEFAULT_ROUND_RUNS = 3;

    public Suite {
        setup = setup == null ? List.of() : List.copyOf(setup);
        benchmarks = benchmarks == null ? null : List.copyOf(benchmarks);
        variants = variants == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(variants));
        metrics = metrics == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(metrics));
    }

    /** A suite with the default canary. */
    public Suite(String name, String description, Repository repository, List<String> setup, Integer warmup,
                 Integer runs, Integer timeoutSeconds, List<Benchmark> benchmarks, List<Variant> variants,
                 Rounds rounds, List<String> metrics) {
        this(name, description, repository, setup, warmup, runs, timeoutSeconds, benchmarks, variants, rounds, metrics,
                null);
    }

    /** A suite measured by wall time alone unless its benchmarks say otherwise. */
    public Suite(String name, String description, Repository repository, List<String> setup, Integer warmup,
                 Integer runs, Integer timeoutSeconds, List<Benchmark> benchmarks, List<Variant> variants,
                 Rounds rounds) {
        this(name, description, repository, setup, warmup, runs, timeoutSeconds, benchmarks, variants, rounds, null);
    }

    /** A suite without variants. */
    public Suite(String name, String description, Repository repository, List<String> setup, Integer warmup,
                 Integer runs, Integer timeoutSeconds, List<Benchmark> benchmarks) {
        this(name, description, repository, setup, warmup, runs, timeoutSeconds, benchmarks, null, null, null);
    }

    /** True when the suite compares variants in interleaved rounds. */
    public boolean hasVariants() {
        return !variants.isEmpty();
    }

    /** The variant every other one is compared with: the first. */
    public Variant baselineVariant() {
        return variants.get(0);
    }

    public Rounds effectiveRounds() {
        return rounds == null ? Rounds.DEFAULT : rounds;
    }

    public int effectiveWarmup() {
        if (warmup != null) {
            return warmup;
        }
        return hasVariants() ? DEFAULT_ROUND_WARMUP : DEFAULT_WARMUP;
    }

    public int effectiveRuns() {
        if (runs != null) {
            return runs;
        }
        return hasVariants() ? DEFAULT_ROUND_RUNS : DEFAULT_RUNS;
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

    /**
     * What {@code benchmark} is measured by: its own metrics, else the suite's, else wall time; in
     * {@link Metric} order. Only for a validated suite (an unknown name is skipped).
     */
    public List<Metric> metricsOf(Benchmark benchmark) {
        List<String> names = benchmark.metrics().isEmpty() ? metrics : benchmark.metrics();
        if (names.isEmpty()) {
            return Metric.DEFAULT;
        }
        return Arrays.stream(Metric.values()).filter(m -> names.contains(m.id())).toList();
    }

    /** The canary as the suite set it, the defaults filled in. */
    public CanaryOptions effectiveCanary() {
        return canary == null ? CanaryOptions.DEFAULT : canary;
    }

    /** True when some benchmark counts instructions: the script then needs a counter. */
    public boolean countsInstructions() {
        return benchmarks != null && benchmarks.stream().anyMatch(b -> metricsOf(b).contains(Metric.INSTRUCTIONS));
    }
}
