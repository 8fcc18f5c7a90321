package dev.cloudbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.cli.engine.MissingPrerequisiteException;
import dev.cloudbench.core.json.InputReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local runner checks the host before the state machine starts, and says every problem at once. */
class HostPrerequisitesTest {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** A host whose PATH holds nothing: no git, no JDK, no hyperfine and no apt-get to fetch it. */
    private Map<String, String> bareHost() throws Exception {
        return Map.of("PATH", Files.createDirectories(dir.resolve("empty-bin")).toString(),
                "HOME", Files.createDirectories(dir.resolve("home")).toString());
    }

    @Test
    void bareHost_everyMissingPrerequisite_isOneProblem_reportedTogether() throws Exception {
        MissingPrerequisiteException e = catchThrowableOfType(MissingPrerequisiteException.class,
                () -> HostPrerequisites.check(HOME, bareHost(), new PrintWriter(new StringWriter())));

        assertThat(e.problems()).anyMatch(p -> p.startsWith("JDK 17+: "))
                .anyMatch(p -> p.startsWith("git: ") && p.contains("apt-get install git"))
                .anyMatch(p -> p.startsWith("setsid: "))
                .anyMatch(p -> p.startsWith("hyperfine: ") && p.contains("brew install hyperfine"))
                .noneMatch(p -> p.startsWith("{") || p.contains("errorType"));
    }

    @Test
    void localRun_onABareHost_failsBeforeTheStateMachineStarts_andCreatesNothing() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        Path output = dir.resolve("results");
        LocalRun.Options options = LocalRun.Options.of(HOME, output).withEnvironment(bareHost());
        var request = LocalRun.request(InputReader.suiteJson(
                "{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]}"), Clock.systemUTC());

        MissingPrerequisiteException e = catchThrowableOfType(MissingPrerequisiteException.class,
                () -> LocalRun.execute(request, options, new PrintWriter(new StringWriter()), events::add));

        assertThat(e.problems()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(events).as("no state entered").isEmpty();
        assertThat(output).as("nothing written").doesNotExist();
    }

    @Test
    void hostWithHyperfineOnItsPath_answersThatPath_first() throws Exception {
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home"));

        String path = HostPrerequisites.check(HOME, env, new PrintWriter(new StringWriter()));

        assertThat(path).endsWith(System.getenv("PATH"));
        Path first = Path.of(path.substring(0, path.indexOf(':')));
        assertThat(first.resolve("hyperfine")).isExecutable();
    }

    @Test
    void checkedByTheWrapper_isTrusted_withoutRunningTheScriptAgain() throws Exception {
        Path hyperfine = Files.createDirectories(dir.resolve("checked-bin"));
        Files.writeString(hyperfine.resolve("hyperfine"), "#!/bin/sh\n");
        hyperfine.resolve("hyperfine").toFile().setExecutable(true);
        Map<String, String> env = new java.util.HashMap<>(bareHost());
        env.put(HostPrerequisites.CHECKED, hyperfine.toString());

        String path = HostPrerequisites.check(HOME, env, new PrintWriter(new StringWriter()));

        assertThat(path).as("the bare host would fail the script").isEqualTo(hyperfine + ":" + env.get("PATH"));
    }

    @Test
    void checkedByTheWrapper_withoutHyperfineThere_isCheckedAgain() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(bareHost());
        env.put(HostPrerequisites.CHECKED, Files.createDirectories(dir.resolve("no-hyperfine")).toString());

        MissingPrerequisiteException e = catchThrowableOfType(MissingPrerequisiteException.class,
                () -> HostPrerequisites.check(HOME, env, new PrintWriter(new StringWriter())));

        assertThat(e.problems()).anyMatch(p -> p.startsWith("hyperfine: "));
    }

    @Test
    void aSuiteCountingInstructions_isRefusedInOneLine_onAHostWithNeitherPerfNorValgrind() throws Exception {
        Map<String, String> host = bareHost();

        MissingPrerequisiteException e = catchThrowableOfType(MissingPrerequisiteException.class,
                () -> HostPrerequisites.instructionCounter(host, host.get("PATH")));

        assertThat(e.problems()).singleElement().asString()
                .contains("counts instructions", "instructions:u", "valgrind").doesNotContain("\n");
    }

    @Test
    void thisHost_hasACounter_theOneTheScriptWillChoose() {
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "HOME", System.getProperty("user.home"));

        assertThat(HostPrerequisites.instructionCounter(env, System.getenv("PATH"))).isIn("perf", "callgrind");
    }
}
