package dev.cloudbench.core.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.cost.Costs;
import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.rounds.ReplicaAnalysis;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Results on disk, whatever their shape: a run directory (holding results.json), a results.json,
 * a hyperfine export, or a directory of hyperfine exports — its own *.json files form one target
 * named after it, each subdirectory holding *.json files another target named after the
 * subdirectory. Every file offered must be readable: one that is neither a hyperfine export nor
 * cloudbench results is refused with a one-line {@link BadInputException} naming it, never skipped.
 */
public final class ResultsFiles {
    public static final String RESULTS_JSON = "results.json";
    private static final String SCHEMA_PREFIX = "cloudbench.results/";

    private final Bootstrap bootstrap;
    private final Clock clock;

    public ResultsFiles(Bootstrap bootstrap, Clock clock) {
        this.bootstrap = bootstrap;
        this.clock = clock;
    }

    /**
     * @param results   what was read
     * @param directory where it was read from (the run directory, or the exports' directory)
     * @param file      the results.json read, when the input was cloudbench results
     */
    public record Loaded(RunResults results, Path directory, Optional<Path> file) {
    }

    /** @throws BadInputException naming the path or the file that cannot be used */
    public Loaded load(Path path) {
        if (Files.isRegularFile(path)) {
            Path dir = path.toAbsolutePath().getParent();
            byte[] bytes = read(path);
            Optional<RunResults> run = cloudbenchResults(bytes, path);
            if (run.isPresent()) {
                return new Loaded(run.get(), dir, Optional.of(path));
            }
            TargetResult target = target(name(dir), List.of(path));
            return new Loaded(imported(name(dir), List.of(target)), dir, Optional.empty());
        }
        if (!Files.isDirectory(path)) {
            throw new BadInputException(path + ": no such file or directory");
        }
        Path resultsJson = path.resolve(RESULTS_JSON);
        if (Files.isRegularFile(resultsJson) && cloudbenchResults(read(resultsJson), resultsJson).isPresent()) {
            return load(resultsJson);
        }
        if (Files.isRegularFile(path.resolve("request.json"))) {
            throw new BadInputException(path + ": a run directory without results.json (the run published no report)");
        }
        List<TargetResult> targets = new ArrayList<>();
        List<Path> own = jsonFiles(path);
        if (!own.isEmpty()) {
            targets.add(target(name(path), own));
        }
        for (Path sub : list(path, Files::isDirectory)) {
            List<Path> files = jsonFiles(sub);
            if (!files.isEmpty()) {
                targets.add(target(name(sub), files));
            }
        }
        if (targets.isEmpty()) {
            throw new BadInputException(path + ": no results.json and no hyperfine exports (*.json) in it"
                    + " or in its subdirectories");
        }
        return new Loaded(imported(name(path), targets), path.toAbsolutePath(), Optional.empty());
    }

    /** Results of the runs {@code loaded}'s targets were compared with, found beside it in the same store. */
    public Map<String, RunResults> recordedBaselines(Loaded loaded) {
        Map<String, RunResults> baselines = new LinkedHashMap<>();
        if (loaded.file().isEmpty()) {
            return baselines;
        }
        Path runs = loaded.directory().getParent();
        for (TargetResult t : loaded.results().targets()) {
            String id = t.baselineRunId();
            if (id != null && runs != null && !baselines.containsKey(id)) {
                Path file = runs.resolve(id).resolve(RESULTS_JSON);
                if (Files.isRegularFile(file)) {
                    cloudbenchResults(read(file), file).ifPresent(r -> baselines.put(id, r));
                }
            }
        }
        return baselines;
    }

    private Optional<RunResults> cloudbenchResults(byte[] bytes, Path file) {
        JsonNode root;
        try {
            root = Json.payload().readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": not JSON, so neither a hyperfine export nor cloudbench results");
        }
        String schema = root == null ? "" : root.path("schema").asText("");
        if (!schema.startsWith(SCHEMA_PREFIX)) {
            return Optional.empty();
        }
        if (!RunResults.SCHEMA.equals(schema)) {
            throw new BadInputException(file + ": results schema '" + schema + "' is newer than this cloudbench reads ("
                    + RunResults.SCHEMA + ")");
        }
        try {
            return Optional.of(normalized(Json.payload().treeToValue(root, RunResults.class), file));
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": damaged cloudbench results (" + e.getOriginalMessage() + ")");
        }
    }

    /**
     * Results as this version reads them: statistics recomputed from the raw times (a results.json
     * edited by hand cannot contradict itself), a noisy host's wall-time verdicts not judged again, and
     * a cost for results written before cloudbench computed costs, from their environment.
     *
     * @throws BadInputException naming the file when a benchmark has no raw times
     */
    private RunResults normalized(RunResults run, Path file) {
        List<TargetResult> targets = new ArrayList<>();
        for (TargetResult t : run.targets()) {
            List<BenchmarkResult> benchmarks = new ArrayList<>();
            for (BenchmarkResult b : t.benchmarks()) {
                if (b.times() == null || b.times().length == 0) {
                    throw new BadInputException(file + ": benchmark '" + b.benchmark() + "' of target '" + t.targetId()
                            + "' has no raw times");
                }
                benchmarks.add(b.withStatisticsFromTimes());
            }
            Cost cost = t.cost() != null ? t.cost()
                    : Costs.of(t.environment(), t.instanceType(), t.market(), PriceTable.bundled());
            targets.add(t.with(benchmarks, cost, variantComparisons(t, benchmarks, bootstrap)).judgedForNoise());
        }
        return new RunResults(run.schema(), run.runId(), run.suite(), run.status(), run.generatedAt(), targets,
                pooledComparisons(run, targets, bootstrap));
    }

    /** A replicated target's pooled comparisons again from its replicas' raw times, with their record's rules. */
    private static List<PooledComparison> pooledComparisons(RunResults run, List<TargetResult> targets,
                                                            Bootstrap bootstrap) {
        if (run.pooledComparisons().isEmpty()) {
            return List.of();
        }
        return targets.stream().filter(t -> t.replicaOf() != null && t.rounds() != null).findFirst()
                .map(t -> ReplicaAnalysis.pooled(targets, t.rounds().variants(), VariantAnalysis.rules(t.rounds()),
                        bootstrap))
                .orElse(run.pooledComparisons());
    }

    /** The paired comparisons again from the raw times, rounds and positions, with the record's rules and looks. */
    private static List<VariantComparison> variantComparisons(TargetResult t, List<BenchmarkResult> benchmarks,
                                                              Bootstrap bootstrap) {
        RoundsRecord rounds = t.rounds();
        if (rounds == null || rounds.variants().size() < 2) {
            return t.variantComparisons();
        }
        int measured = benchmarks.stream().filter(b -> b.rounds() != null)
                .flatMapToInt(b -> Arrays.stream(b.rounds())).max().orElse(0);
        PairedRules rules = VariantAnalysis.rules(rounds);
        return VariantAnalysis.compare(benchmarks, rounds.variants(), VariantAnalysis.level(rounds, measured, rules), rules,
                bootstrap);
    }

    private TargetResult target(String id, List<Path> files) {
        List<BenchmarkResult> results = new ArrayList<>();
        for (Path file : files) {
            HyperfineExport export;
            try {
                export = HyperfineExport.parse(read(file), file.toString());
            } catch (ResultsMissingException e) {
                throw new BadInputException(e.getMessage() + "; expected a hyperfine export or cloudbench results.json");
            }
            String stem = name(file).replaceFirst("\\.json$", "");
            boolean parametersTellApart = export.results().size() == 1
                    || (export.results().stream().noneMatch(e -> e.parameters().isEmpty())
                        && export.results().stream().map(HyperfineExport.Entry::parameters).distinct().count()
                            == export.results().size());
            for (HyperfineExport.Entry e : export.results()) {
                String benchmark = parametersTellApart ? stem : stem + ": " + e.command();
                results.add(BenchmarkResult.of(benchmark, e, null, file.toString(), bootstrap));
            }
        }
        Cost cost = new Cost(null, null, null, null, null, "plain hyperfine exports name no instance and no price");
        return new TargetResult(id, null, null, null, "succeeded", null, null, results, List.of(), cost, null);
    }

    private RunResults imported(String name, List<TargetResult> targets) {
        return new RunResults(RunResults.SCHEMA, name, name, "succeeded", clock.instant().toString(), targets);
    }

    private static List<Path> jsonFiles(Path dir) {
        return list(dir, p -> Files.isRegularFile(p) && name(p).endsWith(".json"));
    }

    private static List<Path> list(Path dir, Predicate<Path> filter) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).filter(p -> !name(p).startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list (" + e.getMessage() + ")");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String name(Path path) {
        Path n = path.toAbsolutePath().normalize().getFileName();
        return n == null ? "results" : n.toString();
    }
}
