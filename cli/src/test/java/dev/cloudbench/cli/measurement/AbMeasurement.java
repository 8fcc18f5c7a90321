package dev.cloudbench.cli.measurement;

import dev.cloudbench.cli.local.DirectoryStore;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.CanaryOptions;
import dev.cloudbench.core.model.Rounds;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.rounds.RoundExports;
import dev.cloudbench.core.rounds.RoundPlan;
import dev.cloudbench.core.rounds.RoundsDecision;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.script.RoundsScript;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.PairedRules;
import dev.cloudbench.core.stats.Quantiles;
import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.stats.VerdictRules;
import dev.cloudbench.core.validation.SuiteValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * How well cloudbench's interleaved rounds tell changes from noise on this machine, against the
 * naive method, side by side in the same run. Not a unit test: it measures this machine.
 *
 * <p>Three comparisons per trial, each with both methods:
 * <ul>
 * <li>A/A — hashing the same file twice: any reported change is a false positive;</li>
 * <li>+2 % — hashing a file 2 % larger; and +5 % — one 5 % larger: a reported slowdown is a detection.</li>
 * </ul>
 * Interleaved: the suite a user would write (two variants that differ by an environment variable),
 * run by the scripts cloudbench generates ({@link RoundsScript}) in stages, judged after each stage by
 * the same {@link RoundsDecision} that "Collect Results" uses, exactly as the state machine would.
 * Naive: one hyperfine call with both commands (all runs of A, then all of B), read two ways — the
 * "± relative speed" hyperfine prints (a change is read when the ± range excludes 1), and cloudbench's
 * own unpaired bootstrap comparison of those runs (what a run without variants would conclude).
 *
 * <p>Run with scripts/ab-measurement.sh (it builds the CLI jar first); options below.
 */
public final class AbMeasurement {
    private record Options(int trials, double minutes, double targetMs, int warmup, int runs, int roundsMin,
                           int roundsMax, int naiveRuns, Path out, List<String> scenarios) {
        static Options parse(String[] args) {
            Map<String, String> o = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: [--trials N] [--minutes M] [--target-ms MS] [--warmup W]"
                            + " [--runs R] [--rounds-min N] [--rounds-max N] [--naive-runs N] [--out DIR]"
                            + " [--scenarios aa,plus2,plus5]");
                }
                o.put(args[i].substring(2), args[++i]);
            }
            return new Options(Integer.parseInt(o.getOrDefault("trials", "40")),
                    Double.parseDouble(o.getOrDefault("minutes", "13")),
                    Double.parseDouble(o.getOrDefault("target-ms", "50")),
                    Integer.parseInt(o.getOrDefault("warmup", "1")), Integer.parseInt(o.getOrDefault("runs", "3")),
                    Integer.parseInt(o.getOrDefault("rounds-min", "20")),
                    Integer.parseInt(o.getOrDefault("rounds-max", "60")),
                    Integer.parseInt(o.getOrDefault("naive-runs", "60")),
                    Path.of(o.getOrDefault("out", "ab-measurement-results")),
                    scenarios(o.getOrDefault("scenarios", String.join(",", SCENARIOS))));
        }

        /** A subset of {@link AbMeasurement#SCENARIOS}, in the order given (a quick look, or the smoke test). */
        private static List<String> scenarios(String list) {
            List<String> chosen = List.of(list.split(","));
            for (String s : chosen) {
                if (!List.of(SCENARIOS).contains(s)) {
                    throw new IllegalArgumentException("--scenarios: '" + s + "' is not one of " + String.join(", ", SCENARIOS));
                }
            }
            return chosen;
        }
    }

    /** One method's answer in one trial of one scenario. */
    private record Outcome(String method, String scenario, int trial, Verdict verdict, double ratio,
                           double ciWidthPercent, double seconds, int rounds, double noise, String note) {
    }

    private static final String[] SCENARIOS = {"aa", "plus2", "plus5"};
    private static final String INTERLEAVED = "cloudbench interleaved rounds";
    private static final String HYPERFINE = "naive: hyperfine ± (as printed)";
    private static final String UNPAIRED = "naive: unpaired bootstrap";

    private final Options options;
    private final Path work;
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Bootstrap bootstrap = Bootstrap.standard();
    private final List<Outcome> outcomes = new ArrayList<>();
    /** The host's 1-minute load average, sampled before and after every comparison. */
    private final List<Double> load = new ArrayList<>();

    private AbMeasurement(Options options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path work = Files.createTempDirectory("cloudbench-ab-");
        try {
            new AbMeasurement(options, work).run();
        } finally {
            delete(work);
        }
    }

    private void run() throws Exception {
        long start = System.nanoTime();
        prepareFiles();
        Files.createDirectories(options.out());
        double deadline = options.minutes() * 60;
        double longestTrial = 0;
        int trial = 0;
        while (trial < options.trials()) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (trial > 0 && elapsed + longestTrial > deadline) {
                break;
            }
            trial++;
            double trialStart = (System.nanoTime() - start) / 1e9;
            List<String> scenarios = options.scenarios();
            for (int s = 0; s < scenarios.size(); s++) {
                // Rotate scenarios and methods per trial: no scenario always runs at the same time of a trial.
                String scenario = scenarios.get((s + trial) % scenarios.size());
                sampleLoad();
                if ((trial + s) % 2 == 0) {
                    interleaved(trial, scenario);
                    naive(trial, scenario);
                } else {
                    naive(trial, scenario);
                    interleaved(trial, scenario);
                }
            }
            sampleLoad();
            longestTrial = Math.max(longestTrial, (System.nanoTime() - start) / 1e9 - trialStart);
            System.err.printf(Locale.ROOT, "trial %d done at %.0f s%n", trial, (System.nanoTime() - start) / 1e9);
        }
        writeCsv();
        summary(trial, (System.nanoTime() - start) / 1e9);
    }

    /** base.bin sized for the target time; plus2.bin and plus5.bin: the same bytes and 2 % / 5 % more. */
    private void prepareFiles() throws Exception {
        SplittableRandom rng = new SplittableRandom(2026);
        Path probe = work.resolve("probe.bin");
        int probeBytes = 8_000_000;
        Files.write(probe, randomBytes(rng, probeBytes));
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            exec(List.of("sha256sum", probe.toString()), work);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double perByte = Quantiles.median(Quantiles.sorted(ms)) / probeBytes;
        int size = (int) Math.max(100_000, options.targetMs() / perByte);
        byte[] base = randomBytes(rng, size);
        Files.write(work.resolve("base.bin"), base);
        for (String[] f : new String[][] {{"plus2", "1.02"}, {"plus5", "1.05"}}) {
            int extra = (int) Math.round(size * (Double.parseDouble(f[1]) - 1));
            Path p = work.resolve(f[0] + ".bin");
            Files.write(p, base);
            try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.APPEND)) {
                out.write(randomBytes(rng, extra));
            }
            files.put(f[0], p);
        }
        files.put("aa", work.resolve("base.bin"));
        files.put("base", work.resolve("base.bin"));
        System.err.printf(Locale.ROOT, "sha256sum: %.1f ms for 8 MB here; base.bin is %,d bytes (about %.0f ms)%n",
                Quantiles.median(Quantiles.sorted(ms)), size, size * perByte);
    }

    /** cloudbench's method: the generated scripts, in stages, judged by RoundsDecision after each. */
    private void interleaved(int trial, String scenario) throws Exception {
        String runId = "trial-" + trial + "-" + scenario;
        Suite suite = SuiteValidator.validate(new Suite("ab-measurement", null, null, List.of(), options.warmup(),
                options.runs(), 3600, List.of(Benchmark.of("hash", "sha256sum \"$INPUT\" > /dev/null")),
                List.of(new Variant("a", null, Map.of("INPUT", files.get("base").toString())),
                        new Variant(scenario.equals("aa") ? "a-again" : scenario, null,
                                Map.of("INPUT", files.get(scenario).toString()))),
                new Rounds(options.roundsMin(), options.roundsMax(), null, Rounds.RANDOM, null), null,
                // The method's machine time is measured: the noise canary is no part of it.
                new CanaryOptions(false, null)));
        DirectoryStore store = new DirectoryStore(work.resolve("store"));
        Path dir = Files.createDirectories(work.resolve(runId));
        RoundPlan plan = RoundPlan.of(suite, runId, "local");
        PairedRules rules = VariantAnalysis.rules(suite);
        RoundsRecord record = RoundsDecision.firstRecord(plan, List.of("a", suite.variants().get(1).name()), rules);
        long t0 = System.nanoTime();
        bash(RoundsScript.first(suite, runId, "local", store.shellUploadFunction()), dir);
        int completed = plan.firstLook();
        RoundsDecision decision;
        while (true) {
            var results = RoundExports.merge(store, runId, "local", suite, suite.benchmarks().get(0), bootstrap).results();
            decision = RoundsDecision.at(record, results, completed, false, true, rules, bootstrap);
            record = decision.record();
            if (!decision.moreRounds()) {
                break;
            }
            int next = plan.nextLook(completed);
            bash(RoundsScript.more(suite, runId, "local", store.shellUploadFunction(), completed + 1, next), dir);
            completed = next;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        VariantComparison c = decision.comparisons().get(0);
        Interval ci = c.interval();
        outcomes.add(new Outcome(INTERLEAVED, scenario, trial, c.verdictValue(), c.ratio(),
                ci == null ? Double.NaN : (ci.high() - ci.low()) * 100, seconds, c.rounds(), c.noise(),
                String.format(Locale.ROOT, "p=%.4g level=%.4g noise=%.4f %s", c.adjustedPValue(), c.level(), c.noise(),
                        record.stoppedBecause())));
        delete(dir);
        delete(work.resolve("store"));
    }

    /** The naive method: hyperfine's default order, all runs of A then all of B, in one call. */
    private void naive(int trial, String scenario) throws Exception {
        Path export = work.resolve("naive.json");
        long t0 = System.nanoTime();
        exec(List.of("hyperfine", "--style", "none", "--warmup", String.valueOf(options.warmup()), "--runs",
                String.valueOf(options.naiveRuns()), "--export-json", export.toString(),
                "-n", "a", "sha256sum " + files.get("base") + " > /dev/null",
                "-n", "b", "sha256sum " + files.get(scenario) + " > /dev/null"), work);
        double seconds = (System.nanoTime() - t0) / 1e9;
        HyperfineExport e = HyperfineExport.parse(Files.readAllBytes(export), export.toString());
        double[] a = e.results().get(0).times();
        double[] b = e.results().get(1).times();
        // hyperfine's relative speed: ratio of means, its σ propagated from both standard deviations.
        Statistics sa = Statistics.of(a);
        Statistics sb = Statistics.of(b);
        double ratio = sb.mean() / sa.mean();
        double sigma = ratio * Math.sqrt(Math.pow(sa.stddev() / sa.mean(), 2) + Math.pow(sb.stddev() / sb.mean(), 2));
        Verdict printed = ratio - sigma > 1 ? Verdict.SLOWER : ratio + sigma < 1 ? Verdict.FASTER
                : Verdict.NO_SIGNIFICANT_CHANGE;
        outcomes.add(new Outcome(HYPERFINE, scenario, trial, printed, ratio, 2 * sigma * 100, seconds,
                0, Double.NaN, String.format(Locale.ROOT, "%.4f ± %.4f", ratio, sigma)));
        Comparison unpaired = Comparison.of(b, a, bootstrap, VerdictRules.DEFAULT);
        Interval ci = unpaired.interval();
        outcomes.add(new Outcome(UNPAIRED, scenario, trial, unpaired.verdict(), unpaired.ratio(),
                ci == null ? Double.NaN : (ci.high() - ci.low()) * 100, seconds, 0, Double.NaN, unpaired.reason()));
    }

    private void sampleLoad() {
        try {
            load.add(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]));
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: the summary says the load is unknown
        }
    }

    private void summary(int trials, double totalSeconds) throws IOException {
        StringBuilder md = new StringBuilder();
        String runs = options.scenarios().size() == SCENARIOS.length ? "A/A, +2 %% and +5 %%"
                : String.join(", ", options.scenarios());
        md.append(String.format(Locale.ROOT, "%d trial(s) in %.1f min; each trial runs " + runs + " with every"
                + " method. Interleaved: rounds of %d warmup + %d runs per variant, first look after %d rounds, at most"
                + " %d. Naive: %d warmup + %d runs per command.%n", trials, totalSeconds / 60, options.warmup(),
                options.runs(), options.roundsMin(), options.roundsMax(), options.warmup(), options.naiveRuns()));
        double[] l = load.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        md.append(l.length == 0 ? "Host load: unknown.\n\n" : String.format(Locale.ROOT, "Host: %d cores; 1-minute load"
                + " average during the trials %.2f – %.2f (median %.2f).%n%n", Runtime.getRuntime().availableProcessors(),
                l[0], l[l.length - 1], Quantiles.median(l)));
        md.append("| method | false positives on A/A | 2 % detected | 5 % detected | median CI width (A/A, +2 %, +5 %)"
                + " | median rounds (A/A, +2 %, +5 %) | machine time per trial (median) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String method : List.of(INTERLEAVED, HYPERFINE, UNPAIRED)) {
            List<Outcome> aa = of(method, "aa");
            List<Outcome> p2 = of(method, "plus2");
            List<Outcome> p5 = of(method, "plus5");
            long fp = aa.stream().filter(o -> o.verdict() == Verdict.SLOWER || o.verdict() == Verdict.FASTER).count();
            long d2 = p2.stream().filter(o -> o.verdict() == Verdict.SLOWER).count();
            long d5 = p5.stream().filter(o -> o.verdict() == Verdict.SLOWER).count();
            md.append("| ").append(method).append(" | ").append(rate(fp, aa.size())).append(" | ")
                    .append(rate(d2, p2.size())).append(" | ").append(rate(d5, p5.size())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f, %.2f, %.2f pp", medianOf(aa, Outcome::ciWidthPercent),
                            medianOf(p2, Outcome::ciWidthPercent), medianOf(p5, Outcome::ciWidthPercent)))
                    .append(" | ").append(method.equals(INTERLEAVED) ? String.format(Locale.ROOT, "%.0f, %.0f, %.0f",
                            medianOf(aa, o -> o.rounds()), medianOf(p2, o -> o.rounds()), medianOf(p5, o -> o.rounds()))
                            : "—")
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f s", perTrialSeconds(method))).append(" |\n");
        }
        md.append("\nRates with 95 % Wilson intervals. \"Detected\" counts a verdict of slower only; CI width is the"
                + " width of the interval of the ratio in percentage points (hyperfine: its ± range, i.e. 2σ).\n");
        List<Outcome> rounds = outcomes.stream().filter(o -> o.method().equals(INTERLEAVED)).toList();
        double noise = medianOf(rounds, Outcome::noise);
        long unstable = rounds.stream().filter(o -> o.verdict() == Verdict.UNSTABLE).count();
        // Rounds a paired test needs to find a change δ with 90 % power at the final look's level
        // (two-sided 0.028: z = 2.20; z for 90 % power: 1.28), the signed-rank test at 95 % of the
        // t-test's efficiency: n ≈ ((2.20 + 1.28) σ / δ)² / 0.955.
        md.append(String.format(Locale.ROOT, "Round noise (robust SD of the per-round log-ratios, interleaved): median"
                + " %.1f %% (%.1f – %.1f %%); %d of %d interleaved comparisons unstable. At the median noise a 2 %%"
                + " change needs about %.0f rounds for 90 %% power, a 5 %% change about %.0f.%n", 100 * noise,
                100 * rounds.stream().mapToDouble(Outcome::noise).min().orElse(Double.NaN),
                100 * rounds.stream().mapToDouble(Outcome::noise).max().orElse(Double.NaN), unstable, rounds.size(),
                Math.pow(3.48 * noise / Math.log(1.0196), 2) / 0.955, Math.pow(3.48 * noise / Math.log(1.049), 2) / 0.955));
        md.append("Ratios measured (median over trials): ");
        for (String method : List.of(INTERLEAVED, HYPERFINE)) {
            md.append(method).append(String.format(Locale.ROOT, " A/A %.4f, +2 %% %.4f, +5 %% %.4f; ",
                    medianOf(of(method, "aa"), Outcome::ratio), medianOf(of(method, "plus2"), Outcome::ratio),
                    medianOf(of(method, "plus5"), Outcome::ratio)));
        }
        md.append('\n');
        System.out.print(md);
        Files.writeString(options.out().resolve("summary.md"), md);
    }

    private List<Outcome> of(String method, String scenario) {
        return outcomes.stream().filter(o -> o.method().equals(method) && o.scenario().equals(scenario)).toList();
    }

    /** Machine time of one trial of the method: its three comparisons together, median over trials. */
    private double perTrialSeconds(String method) {
        Map<Integer, Double> byTrial = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            if (o.method().equals(method)) {
                byTrial.merge(o.trial(), o.seconds(), Double::sum);
            }
        }
        double[] s = byTrial.values().stream().mapToDouble(Double::doubleValue).toArray();
        return s.length == 0 ? Double.NaN : Quantiles.median(Quantiles.sorted(s));
    }

    private static double medianOf(List<Outcome> list, ToDoubleFunction<Outcome> f) {
        double[] v = list.stream().mapToDouble(f).filter(Double::isFinite).toArray();
        return v.length == 0 ? Double.NaN : Quantiles.median(Quantiles.sorted(v));
    }

    /** {@code 2/20 = 10 % (3–30 %)}: the count, the rate and its 95 % Wilson interval. */
    private static String rate(long hits, int n) {
        if (n == 0) {
            return "—";
        }
        double z = 1.959964;
        double p = (double) hits / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return String.format(Locale.ROOT, "%d/%d = %.0f %% (%.0f–%.0f %%)", hits, n, 100 * p,
                100 * Math.max(0, centre - half), 100 * Math.min(1, centre + half));
    }

    private void writeCsv() throws IOException {
        StringBuilder csv = new StringBuilder("method,scenario,trial,verdict,ratio,ci_width_pp,seconds,rounds,noise,note\n");
        for (Outcome o : outcomes) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%s,%.6f,%.4f,%.2f,%d,%.4f,\"%s\"%n", o.method(), o.scenario(),
                    o.trial(), o.verdict().id(), o.ratio(), o.ciWidthPercent(), o.seconds(), o.rounds(), o.noise(),
                    o.note().replace("\"", "'")));
        }
        Files.writeString(options.out().resolve("trials.csv"), csv);
    }

    private static void bash(String script, Path dir) throws Exception {
        Path file = dir.resolve("script-" + System.nanoTime() + ".sh");
        Files.writeString(file, script);
        exec(List.of("bash", file.toString()), dir);
    }

    private static void exec(List<String> command, Path dir) throws Exception {
        Path log = Files.createTempFile("ab-measurement-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            String tail = Files.readString(log);
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + tail.substring(Math.max(0, tail.length() - 2000)));
        }
        Files.delete(log);
    }

    private static byte[] randomBytes(SplittableRandom rng, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i += 8) {
            long v = rng.nextLong();
            for (int k = 0; k < 8 && i + k < n; k++) {
                b[i + k] = (byte) (v >>> (8 * k));
            }
        }
        return b;
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
