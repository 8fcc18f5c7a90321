package dev.cloudbench.core.testing;

import static dev.cloudbench.core.testing.Fixtures.benchmark;
import static dev.cloudbench.core.testing.Samples.normal;

import dev.cloudbench.core.report.Baseline;
import dev.cloudbench.core.report.RunAnalysis;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.VerdictRules;
import java.util.Map;

/**
 * A run with everything a report can show: two architectures side by side, a failed target with a
 * partial result, a regression, an improvement, a noisy benchmark, fewer runs than requested, a
 * parameter whose value needs escaping, a recorded spot price and an estimated on-demand one.
 */
public final class Scenarios {
    public static final String AWKWARD = "<b>|*x*";

    private Scenarios() {
    }

    public static RunResults current() {
        return Fixtures.run("run-2",
                Fixtures.target("x86", "x86_64", "c7i.large", "on-demand", null,
                        benchmark("sort", normal(1, 20, 0.110, 0.002)),
                        benchmark("gzip", normal(2, 20, 0.050, 0.001)),
                        benchmark("noisy", normal(3, 10, 0.300, 0.090)),
                        benchmark("parse", normal(4, 20, 0.020, 0.0004), 20, Map.of("input", AWKWARD))),
                Fixtures.target("arm", "arm64", "c7g.large", "spot", 0.0289,
                        benchmark("sort", normal(11, 20, 0.125, 0.002)),
                        benchmark("gzip", normal(12, 7, 0.040, 0.001), 10, Map.of()),
                        benchmark("noisy", normal(13, 10, 0.280, 0.080)),
                        benchmark("parse", normal(14, 20, 0.019, 0.0004), 20, Map.of("input", AWKWARD))),
                Fixtures.failed("broken", "Check Benchmark", "benchmark 'gzip' (2 of 4) failed with exit code 1",
                        benchmark("sort", normal(21, 20, 0.130, 0.002))));
    }

    public static RunResults baseline() {
        return Fixtures.run("run-1",
                Fixtures.target("x86", "x86_64", "c7i.large", "on-demand", null,
                        benchmark("sort", normal(31, 20, 0.100, 0.002)),
                        benchmark("gzip", normal(32, 20, 0.050, 0.001)),
                        benchmark("noisy", normal(33, 10, 0.300, 0.090)),
                        benchmark("retired", normal(34, 20, 0.010, 0.001))),
                Fixtures.target("arm", "arm64", "c7g.large", "spot", 0.0289,
                        benchmark("sort", normal(41, 20, 0.150, 0.002)),
                        benchmark("gzip", normal(42, 20, 0.040, 0.001))));
    }

    /** A run on this host: one target, no baseline, no price. */
    public static RunAnalysis local() {
        RunResults run = Fixtures.run("local-run", Fixtures.target("local", "x86_64", "local", "local", null,
                benchmark("a", normal(1, 10, 0.1, 0.01))));
        return RunAnalysis.of(run, Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT);
    }

    public static RunAnalysis analysis() {
        return RunAnalysis.of(current(), Baseline.matching(current(), baseline()), Bootstrap.standard(),
                VerdictRules.DEFAULT);
    }
}
