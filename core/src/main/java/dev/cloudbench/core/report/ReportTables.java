package dev.cloudbench.core.report;

import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.report.Table.Cell;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.InstanceTime;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.BenchmarkWarning;
import dev.cloudbench.core.stats.Comparison;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tables every report shows, decided once; Markdown and HTML only write them out. */
public final class ReportTables {
    private ReportTables() {
    }

    /** Every benchmark compared with its baseline, regressions first; the verdict leads each row. */
    public static Table changes(RunAnalysis a) {
        Table.Builder t = new Table.Builder().verdict("verdict").text("target").name("benchmark").number("baseline median")
                .number("median").number("change (" + Format.level(a.bootstrap().level()) + " CI)");
        for (RunAnalysis.Change c : a.changes()) {
            BenchmarkView b = c.benchmark();
            Comparison change = b.change();
            t.row(List.of(verdict(change.verdict(), ReportText.verdictWords(change.verdict(), true)),
                    Cell.of(c.target().id()), Cell.of(b.key()), median(b.baseline()), median(b.result()),
                    change(change.changePercent(), change.interval())));
        }
        return t.build();
    }

    /**
     * Each variant against the baseline variant on the same target, from interleaved rounds;
     * regressions first, the verdict leading each row.
     */
    public static Table variants(RunAnalysis a) {
        Table.Builder t = new Table.Builder().verdict("verdict").text("target").name("benchmark").text("variant")
                .number("baseline median").number("variant median")
                .number("change (" + Format.level(a.bootstrap().level()) + " CI)")
                .number("p (Holm)").number("round noise").number("rounds");
        for (RunAnalysis.VariantChange c : a.variantChanges()) {
            VariantComparison v = c.comparison();
            Verdict verdict = v.verdictValue();
            t.row(List.of(verdict(verdict, ReportText.verdictWords(verdict, v.settled())),
                    Cell.of(c.target().id()), Cell.of(c.label()), Cell.of(v.variant() + " vs " + v.baseline()),
                    c.result(v.baseline()).map(ReportTables::median).orElse(Cell.of("—")),
                    c.result(v.variant()).map(ReportTables::median).orElse(Cell.of("—")),
                    change(v.changePercent(), v.interval()),
                    Cell.number(Format.pValue(v.adjustedPValue()), v.adjustedPValue()),
                    Cell.number("±" + Format.percent(Math.expm1(v.noise()) * 100).substring(1), v.noise()),
                    Cell.number(String.valueOf(v.rounds()), v.rounds())));
        }
        return t.build();
    }

    /** Each benchmark on arm64 against x86_64: the ratio of medians, its interval and verdict first. */
    public static Table crossArchitecture(List<CrossArchitecture> rows, double level) {
        Table.Builder t = new Table.Builder().verdict("verdict").name("benchmark").text("arm64 ÷ x86_64")
                .number("arm64 median").number("x86_64 median").number("arm64 ÷ x86_64 (" + Format.level(level) + " CI)");
        for (CrossArchitecture r : rows) {
            Comparison c = r.comparison();
            String range = c.interval() == null ? "" : " (" + Format.range(c.interval(), Format::ratio) + ")";
            t.row(List.of(verdict(c.verdict(), ReportText.verdictWords(c.verdict(), true)), Cell.of(r.key()),
                    Cell.of(r.pair()), median(r.arm().benchmark(r.key()).orElseThrow().result()),
                    median(r.x86().benchmark(r.key()).orElseThrow().result()),
                    Cell.number(Format.ratio(c.ratio()) + range, c.ratio())));
        }
        return t.build();
    }

    /** Medians per target and each target's ratio to the reference target. */
    public static Table sideBySide(RunAnalysis a) {
        TargetView ref = a.reference();
        Table.Builder t = new Table.Builder().name("benchmark");
        List<TargetView> shown = a.targets().stream().filter(v -> !v.benchmarks().isEmpty()).toList();
        for (TargetView v : shown) {
            t.number(v.id() + " median");
            if (v != ref) {
                t.number(v.id() + " ÷ " + ref.id());
            }
        }
        for (String key : a.keys()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(key));
            for (TargetView v : shown) {
                Optional<BenchmarkView> b = v.benchmark(key);
                row.add(b.map(x -> median(x.result())).orElse(Cell.of("—")));
                if (v != ref) {
                    row.add(b.map(BenchmarkView::vsReference).map(ReportTables::ratio).orElse(Cell.of("—")));
                }
            }
            t.row(row);
        }
        return t.build();
    }

    /** A target's benchmarks with their statistics. */
    public static Table target(TargetView v, double level) {
        Table.Builder t = new Table.Builder().name("benchmark").number("median (" + Format.level(level) + " CI)")
                .number("mean ± σ").number("min – max").number("runs").text("notes");
        for (BenchmarkView b : v.benchmarks()) {
            var s = b.stats();
            Metric m = b.result().metricValue();
            String ci = b.medianInterval() == null ? "" : " (" + Format.range(b.medianInterval(), x -> Format.value(m, x)) + ")";
            List<String> notes = new ArrayList<>(b.warnings().stream().map(BenchmarkWarning::id).toList());
            if (b.result().fewerRunsThanRequested()) {
                notes.add(0, "fewer runs than requested");
            }
            t.row(List.of(Cell.of(b.key()), Cell.number(Format.value(m, s.median()) + ci, s.median()),
                    Cell.number(Format.value(m, s.mean()) + " ± " + Format.value(m, s.stddev()), s.mean()),
                    Cell.number(Format.value(m, s.min()) + " – " + Format.value(m, s.max()), s.min()),
                    b.result().fewerRunsThanRequested() ? new Cell(b.runs(), (double) s.runs(), Table.UNSTABLE)
                            : Cell.number(b.runs(), s.runs()),
                    Cell.of(String.join(", ", notes))));
        }
        return t.build();
    }

    /**
     * What each target cost, and the run's total of what is known. Instance time is split into
     * benchmarking (first benchmark start to last results collected) and overhead (the rest:
     * launch to the first benchmark, last benchmark to the terminate request), both billed.
     */
    public static Table cost(RunAnalysis a) {
        Table.Builder t = new Table.Builder().text("target").text("market").number("instance time")
                .number("benchmarking").number("overhead").number("price / hour").text("price source").number("cost");
        for (TargetView v : a.targets()) {
            Cost c = v.result().cost();
            Environment e = v.result().environment();
            InstanceTime time = v.result().instanceTime();
            String market = e != null && e.market() != null ? e.market() : v.result().market();
            Cell benchmarking = duration(time == null ? null : time.benchmarkSeconds());
            Cell overhead = duration(time == null ? null : time.overheadSeconds());
            if (c == null) {
                t.row(List.of(Cell.of(v.id()), Cell.of(orDash(market)), Cell.of("—"), benchmarking, overhead,
                        Cell.of("—"), Cell.of("—"), Cell.of("unknown")));
                continue;
            }
            t.row(List.of(Cell.of(v.id()), Cell.of(orDash(market)),
                    c.instanceSeconds() == null ? Cell.of("unknown")
                            : Cell.number(Format.duration(c.instanceSeconds()), c.instanceSeconds()),
                    benchmarking, overhead,
                    c.pricePerHour() == null ? Cell.of("—") : Cell.number(Format.usd(c.pricePerHour()), c.pricePerHour()),
                    Cell.of(orDash(c.priceSource())),
                    c.amount() == null ? Cell.of("— (" + c.note() + ")")
                            : Cell.number(Format.usd(c.amount()), c.amount())));
        }
        long unknown = a.targetsWithoutCost();
        String total = unknown == a.targets().size() ? "—"
                : Format.usd(a.knownCost()) + (unknown == 0 ? "" : " + " + unknown + " target(s) of unknown cost");
        t.footer(List.of(Cell.strong("total"), Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""), Cell.of(""),
                Cell.of(""), Cell.strong(total)));
        return t.build();
    }

    private static Cell duration(Double seconds) {
        return seconds == null ? Cell.of("—") : Cell.number(Format.duration(seconds), seconds);
    }

    /** Cost of one run of each benchmark on each priced target: median × price per second. */
    public static Table pricePerformance(RunAnalysis a) {
        Table.Builder t = new Table.Builder().name("benchmark");
        List<TargetView> priced = a.pricedTargets();
        priced.forEach(v -> t.number(v.id() + " ($ per 1,000 runs)"));
        for (String key : a.keys()) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(key));
            for (TargetView v : priced) {
                row.add(v.benchmark(key).map(BenchmarkView::costPerRun)
                        .map(c -> Cell.number(Format.usd(c * 1000), c * 1000)).orElse(Cell.of("—")));
            }
            t.row(row);
        }
        return t.build();
    }

    /** The machines: one column per target that reported, one row per fact any of them reported. */
    public static Table environment(RunAnalysis a) {
        List<TargetView> reported = a.targets().stream().filter(v -> v.result().environment() != null).toList();
        Table.Builder t = new Table.Builder().text("");
        reported.forEach(v -> t.text(v.id()));
        fact(t, reported, "architecture", Environment::architecture);
        fact(t, reported, "instance type", Environment::instanceType);
        fact(t, reported, "market", Environment::market);
        fact(t, reported, "zone", Environment::zone);
        fact(t, reported, "instance", Environment::instanceId);
        fact(t, reported, "image", Environment::imageId);
        fact(t, reported, "CPU", Environment::cpuModel);
        fact(t, reported, "cores", e -> e.cores() == null ? null : e.cores().toString());
        fact(t, reported, "OS", Environment::os);
        fact(t, reported, "kernel", Environment::kernel);
        fact(t, reported, "hyperfine", Environment::hyperfineVersion);
        fact(t, reported, "commit", Environment::commit);
        fact(t, reported, "variant commits", e -> e.variantCommits().isEmpty() ? null : e.variantCommits().entrySet()
                .stream().map(c -> c.getKey() + " " + c.getValue()).collect(Collectors.joining(", ")));
        fact(t, reported, "launched", Environment::launchedAt);
        fact(t, reported, "ready", Environment::readyAt);
        fact(t, reported, "benchmark started", Environment::startedAt);
        fact(t, reported, "results collected", Environment::finishedAt);
        return t.build();
    }

    private static void fact(Table.Builder t, List<TargetView> targets, String name, Function<Environment, String> f) {
        List<String> values = targets.stream().map(v -> f.apply(v.result().environment())).toList();
        if (values.stream().allMatch(v -> v == null)) {
            return;
        }
        List<Cell> row = new ArrayList<>();
        row.add(Cell.strong(name));
        values.forEach(v -> row.add(Cell.of(orDash(v))));
        t.row(row);
    }

    static Cell median(BenchmarkResult b) {
        double m = b.statistics().median();
        String runs = b.fewerRunsThanRequested()
                ? " (" + b.statistics().runs() + " of " + b.runsRequested() + " runs)" : "";
        return Cell.number(Format.value(b.metricValue(), m) + runs, m);
    }

    static Cell change(double percent, Interval ratio) {
        String range = ratio == null ? "" : " (" + Format.changeRange(ratio) + ")";
        return new Cell(Format.percent(percent) + range, percent, null);
    }

    private static Cell ratio(Comparison c) {
        String range = c.interval() == null ? "" : " (" + Format.range(c.interval(), Format::ratio) + ")";
        return new Cell(Format.ratio(c.ratio()) + range + " " + c.verdict().symbol(), c.ratio(), tone(c.verdict()));
    }

    static Cell verdict(Verdict v, String text) {
        return new Cell(text, (double) v.ordinal(), tone(v));
    }

    static String tone(Verdict v) {
        return switch (v) {
            case SLOWER -> Table.SLOWER;
            case FASTER -> Table.FASTER;
            case UNSTABLE -> Table.UNSTABLE;
            case NO_SIGNIFICANT_CHANGE, NOT_JUDGED -> Table.SAME;
        };
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
