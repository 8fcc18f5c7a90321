package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/cloud-bench-local.sh, the seed's interface, run with a fake cloudbench that prints its arguments. */
class CloudBenchScriptTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("scripts/cloud-bench-local.sh");
    private static final String GUILLOTINE = ROOT.resolve("examples/suites/guillotine-evm.json").toString();

    @TempDir
    Path dir;

    private Path fake;

    private record Result(int exit, List<String> args, String err) {
    }

    @BeforeEach
    void fakeCloudbench() throws IOException {
        fake = dir.resolve("cloudbench");
        Files.writeString(fake, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\nexit \"${FAKE_EXIT:-0}\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result script(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("NUM_RUNS") || k.equals("SUITE"));
        pb.environment().put("CLOUDBENCH", fake.toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void withoutArguments_runsTheGuillotineSuite_onX86_spot() throws Exception {
        Result r = script(Map.of());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.args()).containsExactly("run", GUILLOTINE, "--arch", "x86_64", "--market", "spot");
    }

    @Test
    void mapsArchitectureAndMarket_andHonoursAwsRegionAndNumRuns() throws Exception {
        assertThat(script(Map.of(), "arm64", "ondemand").args())
                .containsExactly("run", GUILLOTINE, "--arch", "arm64", "--market", "on-demand");
        assertThat(script(Map.of("AWS_REGION", "eu-west-1", "NUM_RUNS", "5"), "both", "spot").args())
                .containsExactly("run", GUILLOTINE, "--arch", "both", "--market", "spot", "--region", "eu-west-1",
                        "--runs", "5");
    }

    @Test
    void suiteVariable_choosesAnotherSuite() throws Exception {
        assertThat(script(Map.of("SUITE", "examples/suites/quickstart.json"), "x86").args())
                .containsExactly("run", "examples/suites/quickstart.json", "--arch", "x86_64", "--market", "spot");
    }

    @Test
    void passesCloudbenchsExitCodeOn() throws Exception {
        assertThat(script(Map.of("FAKE_EXIT", "5")).exit()).isEqualTo(5);
    }

    @Test
    void helpPrintsTheUsage_andRunsNothing() throws Exception {
        Result r = script(Map.of(), "-h");

        assertThat(r.exit()).isZero();
        assertThat(String.join("\n", r.args())).startsWith("usage: cloud-bench-local.sh [x86|arm64|both] [spot|ondemand]")
                .contains("NUM_RUNS").contains("AWS_REGION").doesNotContain("--arch");
    }

    @Test
    void invalidArguments_getAClearUsageMessage_andExit2() throws Exception {
        Result arch = script(Map.of(), "sparc");
        Result market = script(Map.of(), "x86", "reserved");
        Result many = script(Map.of(), "x86", "spot", "now");
        Result runs = script(Map.of("NUM_RUNS", "lots"));

        assertThat(List.of(arch, market, many, runs)).allSatisfy(r -> {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.args()).as("cloudbench is not called").isEmpty();
            assertThat(r.err()).contains("usage: cloud-bench-local.sh [x86|arm64|both] [spot|ondemand]");
        });
        assertThat(arch.err()).startsWith("cloud-bench-local.sh: unknown architecture 'sparc' (expected x86, arm64 or both)");
        assertThat(market.err()).startsWith("cloud-bench-local.sh: unknown market 'reserved' (expected spot or ondemand)");
        assertThat(many.err()).startsWith("cloud-bench-local.sh: too many arguments");
        assertThat(runs.err()).startsWith("cloud-bench-local.sh: NUM_RUNS must be a whole number of at least 2");
    }

    @Test
    void passesShellcheck() throws Exception {
        Assumptions.assumeTrue(onPath("shellcheck"), "shellcheck is not installed (.ci/run installs it)");
        Process p = new ProcessBuilder("shellcheck", SCRIPT.toString()).redirectErrorStream(true).start();
        String report = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(report).isZero();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
