package dev.cloudbench.core.rounds;

import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.HyperfineWarnings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The round exports of a suite with variants ({@code raw/BENCHMARK/round-R-P-VARIANT.json}), merged
 * into one result per benchmark, variant and parameter combination that keeps every raw time with
 * the round it was measured in and the variant's position in that round.
 */
public final class RoundExports {
    private static final Pattern NAME = Pattern.compile("round-([0-9]{1,6})-([0-9]{1,3})-([A-Za-z0-9._-]+)\\.json");

    private RoundExports() {
    }

    /**
     * One export's place: round (from 1), position in the round (1 = ran first), variant.
     */
    public record Place(int round, int position, String variant) {
    }

    /** The place a file name states, or empty for a name that is not a round export. */
    public static Optional<Place> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Place(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)));
    }

    /**
     * @param results every result measured, variants in suite order
     * @param missing what has no result, or could not be read, for people
     * @param rounds  the highest round any variant of the benchmark was measured in
     */
    public record Merged(List<BenchmarkResult> results, List<String> missing, int rounds) {
    }

    /**
     * Every round export of {@code benchmark} on the target, merged per variant and parameter combination;
     * when the benchmark counts instructions, its counts files too, as results of that metric (after
     * all the wall-time results). {@code rounds} is of the wall-time exports.
     */
    public static Merged merge(ResultStorePort store, String runId, String targetId, Suite suite, Benchmark benchmark,
                               Bootstrap bootstrap) {
        Merged merged = merge(store, runId, targetId, suite, benchmark, bootstrap, Metric.WALL_TIME);
        if (!suite.metricsOf(benchmark).contains(Metric.INSTRUCTIONS)) {
            return merged;
        }
        Merged counts = merge(store, runId, targetId, suite, benchmark, bootstrap, Metric.INSTRUCTIONS);
        List<BenchmarkResult> results = new ArrayList<>(merged.results());
        results.addAll(counts.results());
        List<String> missing = new ArrayList<>(merged.missing());
        missing.addAll(counts.missing());
        return new Merged(results, missing, merged.rounds());
    }

    /** The round files of one metric: the exports, or the instruction counts in their folder beside them. */
    private static Merged merge(ResultStorePort store, String runId, String targetId, Suite suite, Benchmark benchmark,
                                Bootstrap bootstrap, Metric metric) {
        String prefix = StoreLayout.roundsPrefix(runId, targetId, benchmark.name())
                + (metric == Metric.WALL_TIME ? "" : metric.id() + "/");
        String what = metric == Metric.WALL_TIME ? "" : " (" + metric.id() + ")";
        Map<String, List<Map.Entry<Place, String>>> byVariant = new LinkedHashMap<>();
        suite.variants().forEach(v -> byVariant.put(v.name(), new ArrayList<>()));
        int rounds = 0;
        for (String key : store.list(prefix)) {
            Optional<Place> place = parse(key.substring(prefix.length()));
            if (place.isEmpty() || !byVariant.containsKey(place.get().variant())) {
                continue;
            }
            byVariant.get(place.get().variant()).add(Map.entry(place.get(), key));
            rounds = Math.max(rounds, place.get().round());
        }
        List<BenchmarkResult> results = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Variant v : suite.variants()) {
            List<Map.Entry<Place, String>> files = byVariant.get(v.name());
            if (files.isEmpty()) {
                missing.add(benchmark.name() + " · " + v.name() + what);
                continue;
            }
            files.sort(Comparator.comparingInt((Map.Entry<Place, String> e) -> e.getKey().round())
                    .thenComparingInt(e -> e.getKey().position()));
            Map<Map<String, String>, Series> series = new LinkedHashMap<>();
            for (Map.Entry<Place, String> file : files) {
                HyperfineExport export;
                try {
                    export = HyperfineExport.parse(store.get(file.getValue()).orElseThrow(() ->
                            new ResultsMissingException(file.getValue() + ": listed but not readable")), file.getValue());
                } catch (ResultsMissingException e) {
                    missing.add(benchmark.name() + " · " + v.name() + what + " round " + file.getKey().round() + " ("
                            + e.getMessage() + ")");
                    continue;
                }
                for (HyperfineExport.Entry entry : export.results()) {
                    series.computeIfAbsent(entry.parameters(), p -> new Series(entry.command())).add(entry, file.getKey());
                }
            }
            int requested = suite.runsOf(benchmark) * rounds;
            for (Map.Entry<Map<String, String>, Series> s : series.entrySet()) {
                results.add(s.getValue().result(benchmark.name(), s.getKey(), requested, prefix, v.name(), bootstrap)
                        .as(metric));
            }
        }
        return new Merged(results, missing, rounds);
    }

    /** The times of one variant and parameter combination, round after round. */
    private static final class Series {
        final String command;
        final List<Double> times = new ArrayList<>();
        final List<Integer> rounds = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        final List<Integer> exitCodes = new ArrayList<>();
        boolean everyExitCode = true;
        double userSum;
        double systemSum;
        boolean everyUserSystem = true;

        Series(String command) {
            this.command = command;
        }

        void add(HyperfineExport.Entry entry, Place place) {
            for (double t : entry.times()) {
                times.add(t);
                rounds.add(place.round());
                positions.add(place.position());
            }
            if (entry.exitCodes().size() == entry.times().length) {
                exitCodes.addAll(entry.exitCodes());
            } else {
                everyExitCode = false;
            }
            if (entry.user() != null && entry.system() != null) {
                userSum += entry.user() * entry.times().length;
                systemSum += entry.system() * entry.times().length;
            } else {
                everyUserSystem = false;
            }
        }

        BenchmarkResult result(String benchmark, Map<String, String> parameters, int requested, String rawPrefix,
                               String variant, Bootstrap bootstrap) {
            double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
            List<Integer> codes = everyExitCode ? exitCodes : List.of();
            List<String> warnings = HyperfineWarnings.of(t, codes).stream().map(BenchmarkWarning::id).toList();
            return new BenchmarkResult(benchmark, command, parameters, requested, Statistics.of(t), bootstrap.median(t),
                    warnings, t, codes, everyUserSystem ? userSum / t.length : null,
                    everyUserSystem ? systemSum / t.length : null, rawPrefix, variant,
                    rounds.stream().mapToInt(Integer::intValue).toArray(),
                    positions.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
