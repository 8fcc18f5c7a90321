package dev.cloudbench.statemachine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudbench local SUITE --baseline-ref main --candidate-ref slow --fail-on-regression 5} as a
 * person runs it — a process of its own, through the state machine — on a git repository made here
 * whose candidate commit sleeps 0.9 s where the baseline sleeps 0.3 s. Both refs are checked out
 * on the "instance" and measured in interleaved rounds; the run exits 9. (Sleeps this long because a
 * loaded build host delays wake-ups by tens of milliseconds: on 0.05 s that is rounds disagreeing
 * by more than the 10 % A/A noise that makes a verdict "unstable", which never fails the gate.)
 *
 * <p>Refs and URLs are validated as in AWS, so the repository has an https URL; git's own
 * {@code url.<base>.insteadOf} (set through {@code GIT_CONFIG_*} in the process's environment, as a
 * mirror would be configured) fetches it from the directory made here. Nothing in cloudbench knows.
 */
class RefComparisonScenarioTest {
    private static final String URL = "https://git.example.invalid/octo/demo";

    @TempDir
    Path dir;

    @Test
    void candidateMeasurablySlower_exitsRegression_withBothCommitsRecorded() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("nap.sh"), "sleep 0.3\n");
        git(repo, "add", "nap.sh");
        git(repo, "commit", "-q", "-m", "base");
        String baseline = git(repo, "rev-parse", "HEAD");
        git(repo, "checkout", "-q", "-b", "slow");
        Files.writeString(repo.resolve("nap.sh"), "sleep 0.9\n");
        git(repo, "commit", "-q", "-am", "slower");
        String candidate = git(repo, "rev-parse", "HEAD");
        Path suite = dir.resolve("suite.json");
        Files.writeString(suite, """
                {"name":"gate","warmup":0,"runs":3,"timeoutSeconds":300,
                 "setup":["test -f nap.sh"],
                 "benchmarks":[{"name":"nap","command":"bash nap.sh"}],
                 "rounds":{"min":6,"max":12},"canary":{"excludeNoisy":false}}""");
        Path output = dir.resolve("out");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcloudbench.home=" + Path.of("..").toAbsolutePath().normalize(),
                "dev.cloudbench.cli.Main", "local", suite.toString(), "--repository", URL, "--baseline-ref", "main",
                "--candidate-ref", "slow", "--fail-on-regression", "5", "--output", output.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_CONFIG_COUNT", "1");
        env.put("GIT_CONFIG_KEY_0", "url." + repo.toUri().toString().replaceAll("/$", "") + ".insteadOf");
        env.put("GIT_CONFIG_VALUE_0", URL);
        Process p = pb.start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("the run ends").isTrue();
        String stdout = Files.readString(dir.resolve("stdout.txt"));
        String stderr = Files.readString(dir.resolve("stderr.txt"));

        assertThat(p.exitValue()).as(stdout + stderr).isEqualTo(ExitCodes.REGRESSION);
        assertThat(stdout).contains("2 variants in interleaved rounds", "Run gate-", " succeeded in ");
        assertThat(stderr).contains("cloudbench: regression: 1 benchmark(s) confirmed slower than the baseline by more"
                + " than 5.0%: nap on ");
        Path results;
        try (Stream<Path> found = Files.find(output.resolve("runs"), 2, (f, a) -> f.endsWith("results.json"))) {
            results = found.findFirst().orElseThrow();
        }
        TargetResult target = Json.read(Files.readAllBytes(results), RunResults.class).targets().get(0);
        assertThat(target.environment().variantCommits()).containsExactly(Map.entry("baseline", baseline),
                Map.entry("candidate", candidate));
        VariantComparison c = target.variantComparisons().get(0);
        assertThat(c.variant()).isEqualTo("candidate");
        assertThat(c.baseline()).isEqualTo("baseline");
        assertThat(c.verdict()).as(c.reason()).isEqualTo("slower");
        assertThat(c.ratio()).isBetween(2.0, 4.0);
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.invalid"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
