package dev.cloudbench.core.plan;

import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Rounds;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import dev.cloudbench.core.stats.Quantiles;
import dev.cloudbench.core.stats.SampleSize;
import dev.cloudbench.core.stats.VerdictRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plans a run: for each target and benchmark, the rounds (suite with variants) or runs (without)
 * and the replicas needed to detect a change of a given size at the verdicts' false-positive rate
 * with {@value #POWER} power, from the noise a previous run of the suite measured, with the
 * measuring time and cost that takes. The sample sizes come from {@link SampleSize} (normal
 * approximation with t quantiles, divided by the test's efficiency; cross-checked by simulation).
 */
public final class Planner {
    public static final double POWER = 0.90;
    /** The only metric results hold today; the plan has a column for it so that others can follow. */
    public static final String WALL_TIME = "wall-time";
    /** At most this many replicas a target: what a target's {@code replicas} allows. */
    public static final int MAX_REPLICAS = Target.MAX_REPLICAS;
    /** Runs per benchmark beyond which the plan gives up (hours of a 1 s command). */
    static final int MAX_RUNS = 10_000;
    /**
     * hyperfine measures the shell's start-up again on every call before its runs: about 0.2 s on
     * this project's 2-core VM (docs/measurement.md, "Limits"). Rounds call it once per variant.
     */
    static final double SECONDS_PER_HYPERFINE_CALL = 0.2;
    /** Plain comparisons call a change when the 95 % bootstrap interval of the ratio excludes 1. */
    static final double UNPAIRED_ALPHA = 1 - Bootstrap.DEFAULT_LEVEL;

    private Planner() {
    }

    /**
     * A target to plan for.
     *
     * @param architecture its architecture, or null when not known (then any instance of the type gives the noise)
     * @param instanceType its instance type (what prices it)
     * @param local        this host: not billed
     * @param replicas     the replicas the run asks for ({@code cloudbench run --dry-run}), or null
     *                     when planning without a run
     */
    public record PlanTarget(String architecture, String instanceType, boolean local, Integer replicas) {
        /** A target planned without a run. */
        public PlanTarget(String architecture, String instanceType, boolean local) {
            this(architecture, instanceType, local, null);
        }
    }

    /**
     * @param changePercent the change to detect, in (0, 100)
     * @param noise         results of an earlier run of the same suite
     * @param targets       what to plan for; empty: every kind of instance in {@code noise}
     * @throws BadInputException when the change is out of range or the noise is of another suite
     */
    public static RunPlan plan(Suite suite, double changePercent, RunResults noise, List<PlanTarget> targets,
                               PriceTable prices) {
        if (!(changePercent > 0 && changePercent < 100)) {
            throw new BadInputException("--detect: the change must lie between 0 and 100 percent, not " + changePercent);
        }
        if (!Objects.equals(noise.suite(), suite.name())) {
            throw new BadInputException("--noise: run " + noise.runId() + " measured suite '" + noise.suite() + "', not '"
                    + suite.name() + "'");
        }
        List<TargetResult> measured = noise.targets().stream().filter(t -> !t.benchmarks().isEmpty()).toList();
        List<Key> keys = keys(suite, measured);
        if (keys.stream().noneMatch(k -> measured.stream().anyMatch(t -> !results(t, k).isEmpty()))) {
            throw new BadInputException("--noise: run " + noise.runId() + " has no times of suite " + suite.name()
                    + "'s benchmarks");
        }
        boolean paired = suite.hasVariants();
        int comparisons = paired ? keys.size() * (suite.variants().size() - 1) : 1;
        double alpha = paired ? PairedRules.DEFAULT.alpha() : UNPAIRED_ALPHA;
        double change = changePercent / 100;
        List<PlanTarget> planned = targets.isEmpty() ? kinds(measured) : targets;
        List<RunPlan.TargetPlan> plans = new ArrayList<>();
        for (PlanTarget target : planned) {
            plans.add(target(suite, target, measured, keys, change, alpha / comparisons, prices));
        }
        return new RunPlan(suite.name(), changePercent, alpha, POWER,
                paired ? RunPlan.Design.PAIRED_ROUNDS : RunPlan.Design.UNPAIRED_RUNS, comparisons, noise.runId(),
                List.copyOf(plans), notes(suite, change, measured, plans));
    }

    /** A benchmark and one of its parameter combinations. */
    private record Key(Benchmark benchmark, Map<String, String> parameters) {
    }

    /** Every benchmark of the suite, with each parameter combination the noise run measured. */
    private static List<Key> keys(Suite suite, List<TargetResult> measured) {
        List<Key> keys = new ArrayList<>();
        for (Benchmark b : suite.benchmarks()) {
            Set<Map<String, String>> combinations = new LinkedHashSet<>();
            measured.forEach(t -> t.benchmarks().stream().filter(r -> r.benchmark().equals(b.name()))
                    .forEach(r -> combinations.add(r.parameters())));
            if (combinations.isEmpty()) {
                combinations.add(Map.of());
            }
            combinations.forEach(p -> keys.add(new Key(b, p)));
        }
        return keys;
    }

    private static List<PlanTarget> kinds(List<TargetResult> measured) {
        Set<PlanTarget> kinds = new LinkedHashSet<>();
        measured.forEach(t -> kinds.add(new PlanTarget(t.architecture(), t.instanceType(), local(t), null)));
        return List.copyOf(kinds);
    }

    private static boolean local(TargetResult t) {
        return t.environment() != null && "local".equals(t.environment().market());
    }

    private static RunPlan.TargetPlan target(Suite suite, PlanTarget target, List<TargetResult> measured, List<Key> keys,
                                             double change, double level, PriceTable prices) {
        List<TargetResult> same = measured.stream().filter(t -> (target.architecture() == null
                || Objects.equals(t.architecture(), target.architecture()))
                && Objects.equals(t.instanceType(), target.instanceType())).toList();
        List<TargetResult> instances = same.isEmpty() ? measured : same;
        String noiseFrom = same.isEmpty()
                ? "noise of " + describe(measured) + ", not of this type: its own may differ"
                : "noise of " + describe(same);
        List<RunPlan.Row> rows = new ArrayList<>();
        List<Double> perUnit = new ArrayList<>();
        for (Key k : keys) {
            RowPlan r = suite.hasVariants() ? paired(suite, k, instances, change, level)
                    : unpaired(suite, k, instances, change);
            rows.add(r.row());
            perUnit.add(r.secondsPerUnit());
        }
        Integer units = rows.stream().map(RunPlan.Row::units).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        int replicas = rows.stream().mapToInt(RunPlan.Row::replicas).max().orElse(1);
        boolean complete = perUnit.stream().allMatch(Objects::nonNull) && rows.stream().allMatch(r -> r.units() != null);
        Double seconds = null;
        if (units != null) {
            double total = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (perUnit.get(i) == null) {
                    continue;
                }
                // Rounds run every benchmark: the suite's rounds, not each row's own. Runs are per benchmark.
                Integer u = suite.hasVariants() ? units : rows.get(i).units();
                total += u == null ? 0 : unitSeconds(suite, rows.get(i), perUnit.get(i), u);
            }
            seconds = total;
        }
        Double cost = null;
        String basis;
        if (target.local()) {
            basis = "this host: not billed";
        } else {
            Optional<Double> price = prices.onDemand(target.instanceType());
            basis = price.isPresent() ? String.format(java.util.Locale.ROOT, "%s at $%.4f/h, %s",
                    target.instanceType(), price.get(), prices.label()) : "no list price for " + target.instanceType();
            if (price.isPresent() && seconds != null) {
                cost = seconds / 3600 * price.get() * replicas;
            }
        }
        return new RunPlan.TargetPlan(target.architecture(), target.instanceType(), noiseFrom, List.copyOf(rows), units,
                replicas, seconds, complete, cost, basis, target.replicas());
    }

    /** A row and the seconds one unit of it takes (a round of all its variants; a run), or null. */
    private record RowPlan(RunPlan.Row row, Double secondsPerUnit) {
    }

    /** Seconds of a row at {@code units}: rounds × a round's time; for runs, also the warmup and the hyperfine call. */
    private static double unitSeconds(Suite suite, RunPlan.Row row, double perUnit, int units) {
        if (suite.hasVariants()) {
            return perUnit * units;
        }
        Benchmark b = suite.benchmarks().stream().filter(x -> x.name().equals(row.benchmark())).findFirst().orElseThrow();
        return perUnit * (units + suite.warmupOf(b)) + SECONDS_PER_HYPERFINE_CALL;
    }

    private static RowPlan paired(Suite suite, Key k, List<TargetResult> instances, double change, double level) {
        List<Double> noises = new ArrayList<>();
        List<Double> effects = new ArrayList<>();
        List<Double> effectVariances = new ArrayList<>();
        boolean fromRounds = false;
        int runsPerRound = suite.runsOf(k.benchmark());
        for (TargetResult t : instances) {
            Optional<VariantComparison> c = t.variantComparisons().stream()
                    .filter(v -> v.benchmark().equals(k.benchmark().name()) && v.parameters().equals(k.parameters())
                            && v.rounds() >= 2 && Double.isFinite(v.noise()))
                    .max((a, b) -> Double.compare(a.noise(), b.noise()));
            if (c.isPresent()) {
                fromRounds = true;
                noises.add(c.get().noise());
                effects.add(Math.log(c.get().ratio()));
                effectVariances.add(c.get().noise() * c.get().noise() / (SampleSize.ARE_SIGNED_RANK * c.get().rounds()));
                continue;
            }
            // No rounds measured: a round's log-ratio is the difference of two medians of r runs, each
            // with variance ≈ (π/2)·σ²/r at normal noise σ, so its spread is σ·√(π/r).
            spread(baselineResult(suite, t, k)).ifPresent(s -> noises.add(s * Math.sqrt(Math.PI / runsPerRound)));
        }
        Double seconds = roundSeconds(suite, k, instances);
        if (noises.isEmpty()) {
            return new RowPlan(row(k, null, null, null, 1, null, "not measured in the noise run"), seconds);
        }
        double within = median(noises);
        String source = fromRounds ? "rounds" : "runs";
        if (within > PairedRules.DEFAULT.maxNoise()) {
            return new RowPlan(row(k, within, source, null, 1, null, String.format(java.util.Locale.ROOT,
                    "round noise above the %.0f %% limit: unstable at any number of rounds (a quieter host is needed)",
                    PairedRules.DEFAULT.maxNoise() * 100)), seconds);
        }
        double between = between(effects, effectVariances);
        int rounds;
        int replicas = 1;
        if (between > 0) {
            SampleSize.Split split = SampleSize.split(within, between, change, level, POWER, 1,
                    SampleSize.ARE_SIGNED_RANK, MAX_REPLICAS, Rounds.MAX_ROUNDS);
            if (split == null) {
                return new RowPlan(row(k, within, source, null, MAX_REPLICAS, null, "the instances disagree too much: more"
                        + " than " + MAX_REPLICAS + " replicas × " + Rounds.MAX_ROUNDS + " rounds"), seconds);
            }
            rounds = split.units();
            replicas = split.instances();
        } else {
            rounds = SampleSize.pairedRounds(within, change, level, POWER);
        }
        rounds = Math.max(rounds, Math.max(Rounds.MIN_ROUNDS, PairedRules.DEFAULT.minRounds()));
        String note = rounds > Rounds.MAX_ROUNDS ? "beyond the " + Rounds.MAX_ROUNDS + "-round budget of one run" : null;
        return new RowPlan(row(k, within, source, rounds, replicas, seconds == null ? null : seconds * rounds, note),
                seconds);
    }

    private static RowPlan unpaired(Suite suite, Key k, List<TargetResult> instances, double change) {
        List<Double> noises = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        List<Double> levelVariances = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        for (TargetResult t : instances) {
            Optional<BenchmarkResult> r = baselineResult(suite, t, k);
            Optional<Double> s = spread(r);
            if (s.isPresent()) {
                noises.add(s.get());
                levels.add(Math.log(r.get().statistics().median()));
                levelVariances.add(s.get() * s.get() / (SampleSize.ARE_MEDIAN * r.get().times().length));
                means.add(r.get().statistics().mean());
            }
        }
        Double perRun = means.isEmpty() ? null : median(means);
        if (noises.isEmpty()) {
            return new RowPlan(row(k, null, null, null, 1, null, "not measured in the noise run"), perRun);
        }
        double within = median(noises);
        double between = between(levels, levelVariances);
        int runs;
        int replicas = 1;
        if (between > 0) {
            SampleSize.Split split = SampleSize.split(within, between, change, UNPAIRED_ALPHA, POWER, 2, SampleSize.ARE_MEDIAN,
                    MAX_REPLICAS, MAX_RUNS);
            if (split == null) {
                return new RowPlan(row(k, within, "runs", null, MAX_REPLICAS, null, "the instances disagree too much: more"
                        + " than " + MAX_REPLICAS + " replicas × " + MAX_RUNS + " runs"), perRun);
            }
            runs = split.units();
            replicas = split.instances();
        } else {
            runs = SampleSize.unpairedRuns(within, change, UNPAIRED_ALPHA, POWER);
        }
        runs = Math.max(runs, VerdictRules.DEFAULT.minRuns());
        if (runs > MAX_RUNS) {
            return new RowPlan(row(k, within, "runs", null, replicas, null, "more than " + MAX_RUNS + " runs"), perRun);
        }
        Double seconds = perRun == null ? null
                : perRun * (runs + suite.warmupOf(k.benchmark())) + SECONDS_PER_HYPERFINE_CALL;
        return new RowPlan(row(k, within, "runs", runs, replicas, seconds, null), perRun);
    }

    private static RunPlan.Row row(Key k, Double noise, String source, Integer units, int replicas, Double seconds,
                                   String note) {
        return new RunPlan.Row(k.benchmark().name(), k.parameters(), WALL_TIME, noise, source, units, replicas, seconds,
                note);
    }

    /**
     * Standard deviation between instances of what each measured, less the part their own noise
     * explains (method of moments), never below 0; 0 with fewer than two instances (not measurable).
     */
    static double between(List<Double> values, List<Double> ownVariances) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double own = ownVariances.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return Math.sqrt(Math.max(0, variance - own));
    }

    /** The result of the baseline variant (or the only one) of {@code k} on {@code t}. */
    private static Optional<BenchmarkResult> baselineResult(Suite suite, TargetResult t, Key k) {
        List<BenchmarkResult> all = results(t, k);
        if (suite.hasVariants()) {
            String baseline = suite.baselineVariant().name();
            Optional<BenchmarkResult> b = all.stream().filter(r -> baseline.equals(r.variant())).findFirst();
            if (b.isPresent()) {
                return b;
            }
        }
        return all.stream().findFirst();
    }

    private static List<BenchmarkResult> results(TargetResult t, Key k) {
        return t.benchmarks().stream().filter(r -> r.benchmark().equals(k.benchmark().name())
                && r.parameters().equals(k.parameters()) && r.times().length > 0).toList();
    }

    /** Robust spread of ln(time) of a result with at least two positive times. */
    private static Optional<Double> spread(Optional<BenchmarkResult> r) {
        if (r.isEmpty()) {
            return Optional.empty();
        }
        double[] logs = Arrays.stream(r.get().times()).filter(x -> x > 0).map(Math::log).toArray();
        return logs.length < 2 ? Optional.empty() : Optional.of(Quantiles.robustSpread(logs));
    }

    /** Seconds a round of {@code k} takes on one instance: every variant's warmup and runs, and its hyperfine call. */
    private static Double roundSeconds(Suite suite, Key k, List<TargetResult> instances) {
        double total = 0;
        int calls = suite.warmupOf(k.benchmark()) + suite.runsOf(k.benchmark());
        for (Variant v : suite.variants()) {
            List<Double> means = new ArrayList<>();
            for (TargetResult t : instances) {
                results(t, k).stream().filter(r -> v.name().equals(r.variant())).findFirst()
                        .ifPresent(r -> means.add(r.statistics().mean()));
            }
            if (means.isEmpty()) {
                return null;
            }
            total += median(means) * calls + SECONDS_PER_HYPERFINE_CALL;
        }
        return total;
    }

    private static String describe(List<TargetResult> instances) {
        Set<String> kinds = new LinkedHashSet<>();
        instances.forEach(t -> kinds.add(t.architecture() + " " + t.instanceType()));
        return instances.size() + " instance" + (instances.size() == 1 ? "" : "s") + " (" + String.join(", ", kinds)
                + ")";
    }

    private static List<String> notes(Suite suite, double change, List<TargetResult> measured,
                                      List<RunPlan.TargetPlan> plans) {
        List<String> notes = new ArrayList<>();
        if (suite.hasVariants()) {
            double minEffect = suite.effectiveRounds().minEffect();
            if (change < minEffect) {
                notes.add(String.format(java.util.Locale.ROOT, "a %.2g %% change is below the suite's minimum effect of "
                        + "%.2g %%: even when significant it is reported as no significant change (rounds"
                        + ".minEffectPercent)", change * 100, minEffect * 100));
            }
            plans.stream().map(RunPlan.TargetPlan::units).filter(Objects::nonNull).max(Integer::compare).ifPresent(n ->
                    notes.add("the rounds assume one look: set \"rounds\": {\"min\": " + Math.max(Rounds.MIN_ROUNDS,
                            Math.min(n, Rounds.MAX_ROUNDS)) + ", \"max\": " + Math.min(n, Rounds.MAX_ROUNDS)
                            + "}; with more looks each tests at a smaller level (alpha spending) and the power drops"));
        } else if (measured.stream().map(t -> t.architecture() + " " + t.instanceType()).distinct().count()
                == measured.size()) {
            notes.add("one instance per type in the noise run: the plan covers the runs' own noise; a comparison with a"
                    + " baseline measured on another instance also carries the instance-to-instance difference,"
                    + " which only several instances of the type can measure");
        }
        notes.add("instance time counts measuring only (mean time × warmup and runs, and ~"
                + SECONDS_PER_HYPERFINE_CALL + " s per hyperfine call); boot, clone and setup come on top");
        return List.copyOf(notes);
    }

    private static double median(List<Double> values) {
        return Quantiles.median(Quantiles.sorted(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }
}
