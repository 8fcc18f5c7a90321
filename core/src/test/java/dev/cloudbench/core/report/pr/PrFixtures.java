package dev.cloudbench.core.report.pr;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Results of pull-request runs for the comment's golden tests. Everything starts from
 * recorded-local-run.json: a real {@code cloudbench local --baseline-ref main --candidate-ref slow} run
 * of a two-commit repository whose candidate sleeps 0.15 s instead of 0.05 s ({@code nap}) and hashes
 * the same file ({@code hash-data}), on a busy two-core host. Each case edits a copy in a way its
 * name says and recomputes the paired comparisons with the code that wrote the originals, so a
 * case's verdicts are what cloudbench would have said of those times.
 */
final class PrFixtures {
    static final Bootstrap BOOTSTRAP = Bootstrap.standard();

    private PrFixtures() {
    }

    /** The run as recorded: nap ▲ slower (+167 %), hash-data ? unstable. */
    static RunResults recorded() {
        try (InputStream in = PrFixtures.class.getResourceAsStream("recorded-local-run.json")) {
            return Json.read(in.readAllBytes(), RunResults.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TargetResult local() {
        return recorded().targets().get(0);
    }

    /** A regression: the recorded run. */
    static RunResults regression() {
        return recorded();
    }

    /** An improvement: the recorded run with the two commits' roles swapped (the candidate is the fast one). */
    static RunResults improvement() {
        return run(recompute(mapBenchmarks(local(), b -> withVariant(b,
                "baseline".equals(b.variant()) ? "candidate" : "baseline"))));
    }

    /** No change: the candidate's times are the baseline's, round for round, × 1.003 (an A/A copy). */
    static RunResults noChange() {
        TargetResult t = local();
        List<BenchmarkResult> out = new ArrayList<>();
        for (BenchmarkResult b : t.benchmarks()) {
            if ("candidate".equals(b.variant())) {
                BenchmarkResult base = t.benchmarks().stream().filter(x -> "baseline".equals(x.variant())
                        && x.benchmark().equals(b.benchmark())).findFirst().orElseThrow();
                out.add(withTimes(base, "candidate", Arrays.stream(base.times()).map(x -> x * 1.003).toArray()));
            } else {
                out.add(b);
            }
        }
        return run(recompute(t.with(out, t.cost(), List.of())));
    }

    /** Unstable: hash-data alone, whose rounds on the busy host disagreed too much to tell. */
    static RunResults unstable() {
        TargetResult t = local();
        return run(recompute(t.with(t.benchmarks().stream().filter(b -> b.benchmark().equals("hash-data")).toList(),
                t.cost(), List.of())));
    }

    /** A failed target: the recorded x86_64 target, and an arm64 one whose instance never became ready. */
    static RunResults failedTarget() {
        TargetResult failed = new TargetResult("arm64", "arm64", "c7g.large", "spot", "failed",
                new TargetError("dev.cloudbench.core.error.InstanceNotReadyException",
                        "instance i-0f3a9c2e71d4b5a60 did not register with SSM within 600 s", "Check Instance"),
                null, List.of(), List.of("nap", "hash-data"), null, null, null, null);
        return new RunResults(RunResults.SCHEMA, "pr-demo-failed-target", "pr-demo", "failed",
                recorded().generatedAt(), List.of(local(), failed));
    }

    /**
     * Two architectures: x86_64 is the recorded local run (labelled as such), arm64 a fixture made
     * from it — every time × 0.8 — on a labelled instance type. Both carry the bundled on-demand list
     * price of c7i.large / c7g.large as if recorded at launch, so that the per-dollar column shows.
     */
    static RunResults twoArchitectures() {
        TargetResult x86 = priced(relabel(local(), "x86_64", "x86_64", "local (recorded)"), 0.08925,
                "fixture: c7i.large on-demand list price");
        TargetResult arm = priced(recompute(mapBenchmarks(relabel(local(), "arm64", "arm64", "c7g.large (fixture)"),
                b -> withTimes(b, b.variant(), Arrays.stream(b.times()).map(x -> x * 0.8).toArray()))), 0.0725,
                "fixture: c7g.large on-demand list price");
        return new RunResults(RunResults.SCHEMA, "pr-demo-two-architectures", "pr-demo", "succeeded",
                recorded().generatedAt(), List.of(x86, arm));
    }

    /** A huge suite: {@code copies} benchmarks on both architectures, copies of nap and hash-data in turn. */
    static RunResults huge(int copies) {
        List<TargetResult> targets = new ArrayList<>();
        for (TargetResult t : twoArchitectures().targets()) {
            List<BenchmarkResult> many = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                String source = i % 2 == 0 ? "nap" : "hash-data";
                String name = String.format("%s-%04d", source, i + 1);
                t.benchmarks().stream().filter(b -> b.benchmark().equals(source))
                        .forEach(b -> many.add(renamed(b, name)));
            }
            targets.add(recompute(t.with(many, t.cost(), List.of())));
        }
        return new RunResults(RunResults.SCHEMA, "pr-demo-huge", "pr-demo-huge", "succeeded", recorded().generatedAt(),
                targets);
    }

    static RunResults run(TargetResult t) {
        RunResults r = recorded();
        return new RunResults(r.schema(), r.runId(), r.suite(), r.status(), r.generatedAt(), List.of(t));
    }

    /** The target's comparisons computed again from its times, as Collect Results computes them. */
    static TargetResult recompute(TargetResult t) {
        RoundsRecord record = t.rounds();
        PairedRules rules = VariantAnalysis.rules(record);
        double level = VariantAnalysis.level(record, record.completed(), rules);
        List<VariantComparison> comparisons = VariantAnalysis.compare(t.benchmarks(), record.variants(), level, rules,
                BOOTSTRAP);
        return t.with(t.benchmarks(), t.cost(), comparisons);
    }

    private static TargetResult mapBenchmarks(TargetResult t, UnaryOperator<BenchmarkResult> f) {
        return t.with(t.benchmarks().stream().map(f).toList(), t.cost(), t.variantComparisons());
    }

    private static TargetResult relabel(TargetResult t, String id, String architecture, String type) {
        Environment e = t.environment();
        Environment env = new Environment(architecture, type, e.market(), e.zone(), e.instanceId(), e.imageId(),
                e.cpuModel(), e.cores(), e.kernel(), e.os(), e.hyperfineVersion(), e.commit(), e.launchedAt(), null, null,
                e.startedAt(), e.finishedAt(), e.variantCommits());
        return new TargetResult(id, architecture, type, "on-demand", t.status(), t.error(), env, t.benchmarks(),
                t.missingBenchmarks(), t.cost(), t.baselineRunId(), t.rounds(), t.variantComparisons(), t.interruption());
    }

    private static TargetResult priced(TargetResult t, double pricePerHour, String source) {
        Environment e = t.environment();
        Environment env = new Environment(e.architecture(), e.instanceType(), "on-demand", e.zone(), e.instanceId(),
                e.imageId(), e.cpuModel(), e.cores(), e.kernel(), e.os(), e.hyperfineVersion(), e.commit(), e.launchedAt(),
                pricePerHour, source, e.startedAt(), e.finishedAt(), e.variantCommits());
        double seconds = t.cost().instanceSeconds();
        Cost cost = new Cost(seconds, t.cost().instanceTime(), pricePerHour, source, seconds * pricePerHour / 3600, null);
        return new TargetResult(t.targetId(), t.architecture(), t.instanceType(), "on-demand", t.status(), t.error(), env,
                t.benchmarks(), t.missingBenchmarks(), cost, t.baselineRunId(), t.rounds(), t.variantComparisons(),
                t.interruption());
    }

    private static BenchmarkResult withVariant(BenchmarkResult b, String variant) {
        return new BenchmarkResult(b.benchmark(), b.command(), b.parameters(), b.runsRequested(), b.statistics(),
                b.medianInterval(), b.warnings(), b.times(), b.exitCodes(), b.user(), b.system(), b.rawExport(), variant,
                b.rounds(), b.positions());
    }

    private static BenchmarkResult renamed(BenchmarkResult b, String name) {
        return new BenchmarkResult(name, b.command(), b.parameters(), b.runsRequested(), b.statistics(),
                b.medianInterval(), b.warnings(), b.times(), b.exitCodes(), b.user(), b.system(), b.rawExport(),
                b.variant(), b.rounds(), b.positions());
    }

    private static BenchmarkResult withTimes(BenchmarkResult b, String variant, double[] times) {
        return new BenchmarkResult(b.benchmark(), b.command(), b.parameters(), b.runsRequested(), Statistics.of(times),
                BOOTSTRAP.median(times), b.warnings(), times, b.exitCodes(), b.user(), b.system(), b.rawExport(), variant,
                b.rounds(), b.positions());
    }
}
