package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.BenchmarkFailedException;
import dev.cloudbench.core.error.CommandTimedOutException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state machine end to end on this host: benchmark.asl.json in the local engine, the real
 * handlers behind the Lambda Invoke endpoint, local adapters underneath.
 */
class LocalRunScenarioTest {
    @TempDir
    Path output;

    private static TargetResult onlyTarget(LocalRun.Outcome outcome) {
        RunResults results = outcome.results().orElseThrow();
        assertThat(results.targets()).hasSize(1);
        return results.targets().get(0);
    }

    private static void assertNothingLeftRunning(LocalRun.Outcome outcome, String marker) throws IOException {
        assertThat(outcome.strays()).as("instances the state machine itself failed to terminate").isEmpty();
        assertThat(Scenario.workDirsLeft(outcome.hostsRoot())).as("instance work directories left").isFalse();
        assertThat(Scenario.processesMatching(marker)).as("processes left").isEmpty();
    }

    @Test
    void tinySuite_runsThroughEveryState_andWritesResultsJson() throws IOException {
        Scenario scenario = new Scenario(output);
        LocalRun.Outcome outcome = scenario.run("""
                {"name":"tiny","warmup":1,"runs":3,"setup":["printf 'a\\\\nb\\\\n' > lines.txt"],
                 "benchmarks":[{"name":"count","command":"sleep 0.005; wc -l lines.txt"},
                               {"name":"sleepy","command":"sleep {t}","parameters":{"t":["0.01","0.02"]},"runs":2}]}""");

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        assertThat(scenario.statesEntered()).containsSubsequence("Plan Run", "Resolve Images", "Build Images",
                "Run Targets", "Launch Instance", "Check Instance", "Start Benchmark", "Check Benchmark",
                "Collect Results", "Terminate Instance", "Publish Report", "Run Succeeded");

        RunResults results = outcome.results().orElseThrow();
        assertThat(results.schema()).isEqualTo("cloudbench.results/v1");
        assertThat(results.status()).isEqualTo("succeeded");
        assertThat(results.suite()).isEqualTo("tiny");
        TargetResult target = onlyTarget(outcome);
        assertThat(target.status()).isEqualTo("succeeded");
        assertThat(target.missingBenchmarks()).isEmpty();
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("count", "sleepy", "sleepy");
        BenchmarkResult count = target.benchmarks().get(0);
        assertThat(count.times()).hasSize(3);
        assertThat(count.statistics().runs()).isEqualTo(3);
        // hyperfine subtracts the shell's own start-up, so only a command that takes time measures above 0.
        assertThat(count.statistics().min()).isNotNegative().isLessThanOrEqualTo(count.statistics().median());
        assertThat(count.statistics().max()).isPositive();
        assertThat(target.benchmarks().get(1).parameters()).containsEntry("t", "0.01");
        assertThat(target.benchmarks().get(2).times()).hasSize(2);
        assertThat(target.environment().cores()).isPositive();
        assertThat(target.environment().kernel()).startsWith("Linux");
        assertThat(target.environment().hyperfineVersion()).matches("\\d+\\.\\d+.*");
        assertThat(target.environment().cpuModel()).isNotBlank();
        assertThat(target.environment().startedAt()).isLessThan(target.environment().finishedAt());

        Path targetDir = outcome.runDir().resolve("targets/local");
        assertThat(targetDir.resolve("raw/count.json")).exists();
        assertThat(targetDir.resolve("raw/sleepy.json")).exists();
        assertThat(targetDir.resolve("raw/canary/before.json")).exists();
        assertThat(targetDir.resolve("raw/canary/after.json")).exists();
        Canary canary = target.environment().canary();
        assertThat(canary.parts()).extracting(Canary.Part::part).containsExactly(Canary.CPU, Canary.MEMORY);
        assertThat(canary.parts()).allSatisfy(p -> assertThat(p.drift()).isNotNull());
        assertThat(canary.peers()).as("one instance: no peers to level it against").isZero();
        assertThat(canary.missing()).isNull();
        assertThat(output.resolve("logs/" + outcome.runId() + "/local/stdout.txt")).exists();
        assertThat(outcome.runDir().resolve("request.json")).exists();
        assertThat(outcome.runDir().resolve("report.md")).content().contains("| count |");
        assertNothingLeftRunning(outcome, outcome.hostsRoot().toString());
    }

    /** Threads of the local adapters' timers (command timeouts, instance deadlines) now alive. */
    private static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().equals("local-command-timeouts") || t.getName().equals("local-instance-deadlines"))
                .count();
    }

    @Test
    void aRunThatEnded_leavesNoTimerThreadBehind() throws IOException {
        long before = timerThreads();

        LocalRun.Outcome outcome = new Scenario(output).run("""
                {"name":"timers","warmup":0,"runs":2,"benchmarks":[{"name":"one","command":"true"}]}""");

        assertThat(outcome.succeeded()).as(outcome.cause()).isTrue();
        // Each run used to leave two, parked until deadlines an hour away: a test JVM running a hundred
        // runs kept two hundred threads and every run's host.
        assertThat(timerThreads()).isLessThanOrEqualTo(before);
    }

    @Test
    void benchmarkExitingNonZero_failsTheRun_keepsEarlierResults_andTerminates() throws IOException {
        LocalRun.Outcome outcome = new Scenario(output).run("""
                {"name":"broken","warmup":0,"runs":2,
                 "benchmarks":[{"name":"fine","command":"true"},{"name":"crash","command":"exit 7"},
                               {"name":"after","command":"true"}]}""");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("cloudbench.TargetsFailed");
        assertThat(outcome.cause()).contains("Check Benchmark", "benchmark 'crash' (2 of 3) failed with exit code");
        TargetResult target = onlyTarget(outcome);
        assertThat(target.status()).isEqualTo("failed");
        assertThat(target.error().name()).isEqualTo(BenchmarkFailedException.class.getName());
        assertThat(target.error().state()).isEqualTo("Check Benchmark");
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("fine");
        assertThat(target.missingBenchmarks()).containsExactly("crash", "after");
        assertThat(target.environment()).as("the environment survives the failure").isNotNull();
        assertThat(target.environment().canary().part(Canary.CPU).orElseThrow().before())
                .as("the canary before the suite is kept").isNotNull();
        assertThat(target.environment().canary().missing()).isEqualTo("no export after the suite");
        assertNothingLeftRunning(outcome, outcome.hostsRoot().toString());
    }

    @Test
    void handlerThrowing_failsTheTarget_namesTheState_keepsResults_andTerminates() throws IOException {
        LocalRun.Outcome outcome = new Scenario(output)
                .tasks(tasks -> replace(tasks, "CollectResults", (in, out, ctx) -> {
                    throw new IllegalStateException("injected fault");
                }))
                .run("""
                        {"name":"faulty","warmup":0,"runs":2,
                         "benchmarks":[{"name":"one","command":"true"},{"name":"two","command":"true"}]}""");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cause()).contains("local: Collect Results: injected fault");
        TargetResult target = onlyTarget(outcome);
        assertThat(target.error().name()).isEqualTo("java.lang.IllegalStateException");
        assertThat(target.error().state()).isEqualTo("Collect Results");
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("one", "two");
        assertNothingLeftRunning(outcome, outcome.hostsRoot().toString());
    }

    @Test
    void benchmarkPastItsTimeout_isKilled_named_andEarlierResultsKept() throws IOException {
        String marker = "sleep 47.31";
        LocalRun.Outcome outcome = new Scenario(output).run("""
                {"name":"slow","warmup":0,"runs":2,
                 "benchmarks":[{"name":"quick","command":"true"},
                               {"name":"sleepy","command":"%s","timeoutSeconds":1}]}""".formatted(marker));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cause()).contains("benchmark 'sleepy' exceeded its timeout of 1 s");
        TargetResult target = onlyTarget(outcome);
        assertThat(target.error().name()).isEqualTo(CommandTimedOutException.class.getName());
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("quick");
        assertNothingLeftRunning(outcome, marker);
        assertNothingLeftRunning(outcome, outcome.hostsRoot().toString());
    }

    @Test
    void suitePastItsTimeout_isKilled_andTheBenchmarkInProgressNamed() throws IOException {
        String marker = "sleep 53.17";
        LocalRun.Outcome outcome = new Scenario(output).run("""
                {"name":"suitelimit","warmup":0,"runs":2,"timeoutSeconds":2,
                 "benchmarks":[{"name":"endless","command":"%s"}]}""".formatted(marker));

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.cause()).contains("suite timeout of 2 s reached during benchmark 'endless' (1 of 1)");
        assertNothingLeftRunning(outcome, marker);
    }

    @Test
    void invalidRequest_failsInPlanRun_beforeAnythingIsLaunched() throws IOException {
        Suite bad = new Suite("bad", null, null, null, null, 1, null, List.of(Benchmark.of("a", "true")));
        RunRequest request = new RunRequest("bad-run", bad, List.of(new Target("local", "x86_64", "local", "on-demand", null)),
                null);
        Scenario scenario = new Scenario(output);
        LocalRun.Outcome outcome = scenario.run(request);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo(BadInputException.class.getName());
        assertThat(outcome.cause()).contains("request.suite.runs: must be at least 2");
        assertThat(scenario.statesEntered()).doesNotContain("Launch Instance", "Clean Up Run");
    }

    @Test
    void uncaughtError_afterTargets_runsCleanUp_andFailsWithThatError() throws IOException {
        Scenario scenario = new Scenario(output)
                .tasks(tasks -> replace(tasks, "PublishReport", (in, out, ctx) -> {
                    throw new IllegalStateException("report store unavailable");
                }));
        LocalRun.Outcome outcome = scenario.run("""
                {"name":"nopublish","warmup":0,"runs":2,"benchmarks":[{"name":"one","command":"true"}]}""");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(outcome.cause()).contains("report store unavailable");
        assertThat(scenario.statesEntered()).containsSubsequence("Publish Report", "Clean Up Run", "Run Failed");
        assertThat(outcome.runDir().resolve("targets/local/raw/one.json")).as("measured results are kept").exists();
        assertNothingLeftRunning(outcome, outcome.hostsRoot().toString());
    }

    static Map<String, RequestStreamHandler> replace(Map<String, RequestStreamHandler> tasks, String name,
                                                      RequestStreamHandler handler) {
        Map<String, RequestStreamHandler> copy = new LinkedHashMap<>(tasks);
        copy.put(name, handler);
        return copy;
    }

    @Test
    void resultsJson_isWhatTheOutcomeReports() throws IOException {
        LocalRun.Outcome outcome = new Scenario(output).run("""
                {"name":"roundtrip","warmup":0,"runs":2,"benchmarks":[{"name":"one","command":"true"}]}""");
        RunResults onDisk = Json.read(Files.readAllBytes(outcome.runDir().resolve("results.json")), RunResults.class);
        assertThat(onDisk.runId()).isEqualTo(outcome.runId());
        assertThat(onDisk.targets().get(0).benchmarks().get(0).rawExport())
                .isEqualTo("runs/" + outcome.runId() + "/targets/local/raw/one.json");
    }
}
