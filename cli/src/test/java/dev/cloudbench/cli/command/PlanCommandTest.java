package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.plan.Planner;
import dev.cloudbench.core.plan.RunPlan;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private Path suite(String name) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"name\": \"" + name + "\", \"timeoutSeconds\": 600,"
                + " \"benchmarks\": [{\"name\": \"hash\", \"command\": \"sha256sum \\\"$F\\\"\"},"
                + " {\"name\": \"zip\", \"command\": \"gzip -c numbers.txt\"}],"
                + " \"variants\": [{\"name\": \"base\", \"env\": {\"F\": \"a\"}}, {\"name\": \"cand\", \"env\": {\"F\": \"b\"}}]}");
        return file;
    }

    /** results.json of suite {@code suite}: 12 interleaved rounds on this host, rounds disagreeing by about 1 %. */
    private Path noise(String suite) throws IOException {
        SplittableRandom rng = new SplittableRandom(3);
        List<BenchmarkResult> results = new ArrayList<>();
        for (String benchmark : new String[] {"hash", "zip"}) {
            for (String variant : new String[] {"base", "cand"}) {
                double[] times = new double[36];
                int[] rounds = new int[36];
                int[] positions = new int[36];
                for (int i = 0; i < 36; i++) {
                    rounds[i] = i / 3 + 1;
                    positions[i] = (rounds[i] + (variant.equals("base") ? 0 : 1)) % 2 + 1;
                    times[i] = (benchmark.equals("hash") ? 0.05 : 0.2) * (1 + (rng.nextDouble() - 0.5) * 0.03);
                }
                results.add(new BenchmarkResult(benchmark, benchmark, Map.of(), 36, Statistics.of(times), null, List.of(),
                        times, List.of(), null, null, "runs/r/targets/local/raw/" + benchmark + "/", variant, rounds,
                        positions));
            }
        }
        var record = new RoundsRecord(List.of("base", "cand"), "alternate", 1, 12, 12, null, 1, 12, List.of(12),
                "round-budget");
        var target = new TargetResult("local", "x86_64", "local", "on-demand", "succeeded", null, null, results, List.of(),
                null, null, record, List.of());
        var results0 = new RunResults(RunResults.SCHEMA, "r", suite, "succeeded", "2026-01-01T00:00:00Z", List.of(target));
        Path file = Files.createDirectories(dir.resolve("runs/r")).resolve("results.json");
        Files.write(file, Json.writePretty(results0));
        return file;
    }

    @Test
    void plan_printsRoundsReplicasTimeAndCost_perBenchmarkAndMetric_asThePlannerComputesThem() throws IOException {
        Path suite = suite("ab");
        Path noise = noise("ab");

        int code = cli.run("plan", suite.toString(), "--detect", "3", "--noise", noise.toString(), "--instance-type",
                "c7i.large");

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        RunPlan expected = Planner.plan(InputReader.suiteFile(suite), 3,
                new ResultsFiles(Bootstrap.standard(), Clock.systemUTC()).load(noise).results(),
                List.of(new Planner.PlanTarget(null, "c7i.large", false)), PriceTable.bundled());
        RunPlan.TargetPlan t = expected.targets().get(0);
        assertThat(t.units()).isNotNull();
        assertThat(out.toString())
                .contains("Plan for suite ab: detect a 3 % change at a 5 % false-positive rate with 90 % power")
                .contains("Holm over 2 comparison(s)")
                .containsPattern("benchmark +metric +noise +from +rounds +replicas +instance time")
                .containsPattern("hash +wall-time +[0-9.]+ % +rounds +" + t.rows().get(0).units() + " +1 ")
                .containsPattern("zip +wall-time +[0-9.]+ % +rounds +" + t.rows().get(1).units() + " +1 ")
                .contains("needs " + t.units() + " rounds")
                .contains("c7i.large at $")
                .contains("cost about $")
                .contains("\"rounds\": {\"min\": " + Math.max(5, t.units()));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void plan_ofASuiteWithoutVariants_countsRunsPerBenchmark_andSaysWhatOneInstanceCannotShow() throws IOException {
        Path suite = dir.resolve("plain.json");
        Files.writeString(suite, "{\"name\": \"plain\", \"runs\": 10,"
                + " \"benchmarks\": [{\"name\": \"hash\", \"command\": \"sha256sum x\"}]}");
        SplittableRandom rng = new SplittableRandom(9);
        double[] times = new double[20];
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.1 * (1 + (rng.nextDouble() - 0.5) * 0.06);
        }
        var target = new TargetResult("t", "x86_64", "c7i.large", "spot", "succeeded", null, null,
                List.of(new BenchmarkResult("hash", "sha256sum x", Map.of(), 20, Statistics.of(times), null, List.of(),
                        times, List.of(), null, null, null)), List.of(), null, null);
        Path noise = Files.createDirectories(dir.resolve("runs/p")).resolve("results.json");
        Files.write(noise, Json.writePretty(new RunResults(RunResults.SCHEMA, "p", "plain", "succeeded",
                "2026-01-01T00:00:00Z", List.of(target))));

        int code = cli.run("plan", suite.toString(), "--detect", "2", "--noise", noise.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        int runs = Planner.plan(InputReader.suiteFile(suite), 2,
                new ResultsFiles(Bootstrap.standard(), Clock.systemUTC()).load(noise).results(), List.of(),
                PriceTable.bundled()).targets().get(0).units();
        assertThat(out.toString())
                .contains("detect a 2 % change at a 5 % false-positive rate with 90 % power")
                .contains("plain runs against a baseline run")
                .containsPattern("benchmark +metric +noise +from +runs +replicas +instance time")
                .containsPattern("hash +wall-time +[0-9.]+ % +runs +" + runs + " +1 ")
                .contains("Target x86_64 c7i.large (noise of 1 instance (x86_64 c7i.large))")
                .contains("cost about $")
                .contains("instance-to-instance difference");
    }

    @Test
    void plan_withoutNoise_saysWhatItNeeds_inOneLine_exit2() throws IOException {
        int code = cli.run("plan", suite("ab").toString(), "--detect", "2");

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("cloudbench: bad input: --noise RESULTS.json is needed")
                .doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void plan_refusesBadInput_inOneLine_exit2() throws IOException {
        Path suite = suite("ab");
        Path noise = noise("ab");
        for (String[] args : List.of(
                new String[] {"--detect", "0", "--noise", noise.toString()},
                new String[] {"--detect", "100", "--noise", noise.toString()},
                new String[] {"--detect", "-3", "--noise", noise.toString()},
                new String[] {"--detect", "5", "--noise", dir.resolve("missing.json").toString()},
                new String[] {"--noise", noise.toString()})) {
            InProcessCli each = new InProcessCli();
            List<String> all = new ArrayList<>(List.of("plan", suite.toString()));
            all.addAll(List.of(args));

            int code = each.run(all.toArray(String[]::new));

            assertThat(code).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(each.err.toString().strip()).as(String.join(" ", args)).startsWith("cloudbench: bad input: ")
                    .doesNotContain("\n");
        }
    }

    @Test
    void plan_refusesTheResultsOfAnotherSuite() throws IOException {
        int code = cli.run("plan", suite("ab").toString(), "--detect", "5", "--noise", noise("nightly").toString());

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("run r measured suite 'nightly', not 'ab'");
    }

    @Test
    void runDryRun_printsThePlanForTheRequestsTargets_andStartsNothing() throws IOException {
        Path suite = suite("ab");
        Path noise = noise("ab");
        try (CloudHarness aws = new CloudHarness()) {
            CloudHarness.Result r = aws.run("run", suite.toString(), "--dry-run", "--detect", "5", "--noise",
                    noise.toString(), "--instance-type", "c7i.large");

            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(aws.sfn.calls("StartExecution")).isEmpty();
            assertThat(r.out()).contains("x86_64 c7i.large spot-or-on-demand")
                    .contains("Plan for suite ab: detect a 5 % change")
                    .contains("Target x86_64 c7i.large (noise of 1 instance (x86_64 local), not of this type")
                    .contains("cost about $")
                    .contains("Dry run: nothing started.");
        }
    }

    @Test
    void runDryRun_withoutNoise_saysHowToGetAPlan_andStartsNothing() throws IOException {
        try (CloudHarness aws = new CloudHarness()) {
            CloudHarness.Result r = aws.run("run", suite("ab").toString(), "--dry-run");

            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(aws.sfn.calls("StartExecution")).isEmpty();
            assertThat(r.out()).contains("Dry run: nothing started. For a plan of rounds, replicas and cost add --detect");
        }
    }

    @Test
    void run_refusesPlanOptions_withoutDryRun_beforeStartingAnything() throws IOException {
        Path noise = noise("ab");
        try (CloudHarness aws = new CloudHarness()) {
            CloudHarness.Result r = aws.run("run", suite("ab").toString(), "--detect", "5", "--noise", noise.toString());

            assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(aws.sfn.calls("StartExecution")).isEmpty();
            assertThat(r.err()).contains("--detect and --noise plan a run: use them with --dry-run");
        }
    }
}
