package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    /** A hyperfine 1.x export of one command with {@code runs} times around {@code median}. */
    private static String export(String command, double median, int runs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        String times = Arrays.stream(new double[runs]).map(x -> median * (1 + (rng.nextDouble() - 0.5) * 0.01))
                .mapToObj(t -> String.format(Locale.ROOT, "%.6f", t)).collect(Collectors.joining(", "));
        return "{\"results\": [{\"command\": \"" + command + "\", \"mean\": " + median + ", \"times\": [" + times + "]}]}";
    }

    private Path exports(String name, double sortMedian) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("sort.json"), export("sort big.txt", sortMedian, 20, 1));
        Files.writeString(d.resolve("gzip.json"), export("gzip big.txt", 0.05, 20, 2));
        return d;
    }

    @Test
    void report_rendersMarkdownAndHtml_fromADirectoryOfHyperfineExports() throws IOException {
        Path exports = exports("today", 0.1);

        int code = cli.run("report", exports.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(exports.resolve("report.md")).content().startsWith("# cloudbench: today")
                .contains("| sort | 100.");
        assertThat(exports.resolve("report.html")).content().startsWith("<!DOCTYPE html>");
        assertThat(out.toString()).contains("2 result(s) on 1 target(s) of today")
                .contains("No baseline to compare with.")
                .contains("Report: " + exports.resolve("report.md"))
                .contains(exports.resolve("report.html").toString());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void report_comparesWithABaseline_andWritesWhereItIsTold() throws IOException {
        Path before = exports("before", 0.1);
        Path after = exports("after", 0.12);
        Path output = dir.resolve("out");

        int code = cli.run("report", after.toString(), "--baseline", before.toString(), "--output", output.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Against the baseline: 1 slower, 1 no significant change.");
        assertThat(output.resolve("report.md")).content().contains("## Changes against the baseline")
                .contains("| after | sort |").contains("**▲ slower**");
        assertThat(after.resolve("report.md")).doesNotExist();
    }

    @Test
    void report_refusesAFileThatIsNotHyperfine_withOneLineNamingIt() throws IOException {
        Path exports = exports("mixed", 0.1);
        Path stray = Files.writeString(exports.resolve("package.json"), "{\"name\": \"x\"}");

        int code = cli.run("report", exports.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).hasLineCount(1)
                .startsWith("cloudbench: bad input: " + stray + ": not a hyperfine export");
        assertThat(exports.resolve("report.md")).doesNotExist();
    }

    @Test
    void report_refusesABaselineWithNoTargetInCommon() throws IOException {
        Path current = dir.resolve("current");
        exports("current/x86", 0.1);
        exports("current/arm", 0.1);
        Path other = dir.resolve("other");
        exports("other/riscv", 0.1);
        exports("other/mips", 0.1);

        int code = cli.run("report", current.toString(), "--baseline", other.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no target in common");
    }

    @Test
    void report_isListedInTheHelp() {
        cli.run("--help");

        assertThat(out.toString()).contains("report").contains("local");
    }

    @Test
    void report_ofARunDirectory_writesBesideResultsJson_andSaysWhenItsBaselineIsGone() throws IOException {
        Path run = Files.createDirectories(dir.resolve("store/runs/run-2"));
        Files.writeString(run.resolve("results.json"), """
                {"schema": "cloudbench.results/v1", "runId": "run-2", "suite": "s", "status": "succeeded",
                 "generatedAt": "2026-01-01T00:00:00Z",
                 "targets": [{"targetId": "x86", "status": "succeeded", "baselineRunId": "run-1",
                              "benchmarks": [{"benchmark": "a", "command": "a", "times": [0.10, 0.11, 0.12]}]}]}
                """);

        int code = cli.run("report", run.toString());

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Target x86: its baseline, run run-1, is not in the same result store");
        assertThat(run.resolve("report.md")).content().contains("| a | 110.00 ms (");
        assertThat(run.resolve("report.html")).exists();
    }

    @Test
    void report_refusesResultsWithABenchmarkWithoutTimes() throws IOException {
        Path file = Files.writeString(dir.resolve("results.json"), """
                {"schema": "cloudbench.results/v1", "runId": "r", "suite": "s", "status": "succeeded",
                 "targets": [{"targetId": "x86", "status": "succeeded", "benchmarks": [{"benchmark": "a"}]}]}
                """);

        int code = cli.run("report", file.toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).hasLineCount(1).contains(file + ": benchmark 'a' of target 'x86' has no raw times");
    }

    /** results.json of a run with two variants, "cand" 5 % slower than "base" in each of 12 rounds. */
    private Path variantResults() throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        List<BenchmarkResult> results = new ArrayList<>();
        for (String variant : new String[] {"base", "cand"}) {
            double[] times = new double[36];
            int[] rounds = new int[36];
            int[] positions = new int[36];
            for (int i = 0; i < 36; i++) {
                rounds[i] = i / 3 + 1;
                positions[i] = (rounds[i] + (variant.equals("base") ? 0 : 1)) % 2 + 1;
                times[i] = 0.05 * (variant.equals("cand") ? 1.05 : 1) * (1 + (rng.nextDouble() - 0.5) * 0.01);
            }
            results.add(new BenchmarkResult("hash", "sha256sum $F", Map.of(), 36,
                    Statistics.of(times), null, List.of(), times, List.of(),
                    null, null, "runs/r/targets/local/raw/hash/", variant, rounds, positions));
        }
        var record = new RoundsRecord(List.of("base", "cand"), "alternate", 1, 12,
                12, null, 1, 12, List.of(12), "round-budget");
        var target = new TargetResult("local", "x86_64", "local", "on-demand", "succeeded",
                null, null, results, List.of(), null, null, record, List.of());
        var run = new RunResults(RunResults.SCHEMA, "r", "ab",
                "succeeded", "2026-01-01T00:00:00Z", List.of(target));
        Path runDir = Files.createDirectories(dir.resolve("runs/r"));
        Files.write(runDir.resolve("results.json"), Json.writePretty(run));
        return runDir;
    }

    @Test
    void report_ofARunWithVariants_recomputesAndStatesThePairedVerdicts() throws IOException {
        Path runDir = variantResults();

        int code = cli.run("report", runDir.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Variants against their baseline variant: 1 slower.");
        assertThat(runDir.resolve("report.md")).content().contains("## Variants compared in interleaved rounds",
                "| local | hash | cand vs base |", "▲ slower");
    }
}
