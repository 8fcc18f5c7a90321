package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LocalCommandTest {
    @TempDir
    Path dir;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void suiteWithABadField_exitsWithBadInput_inOneLine_withoutStackTrace() throws Exception {
        Path suite = Files.writeString(dir.resolve("bad.json"),
                "{\"name\":\"x\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\",\"rnus\":3}]}");
        Result r = run("local", suite.toString(), "--output", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: suite.benchmarks[0]: unknown field 'rnus'" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).as("nothing created for bad input").doesNotExist();
    }

    @Test
    void badReplicas_exitWithBadInput_inOneLineNamingTheOption_beforeAnythingIsCreated() throws Exception {
        Path suite = Files.writeString(dir.resolve("ok.json"),
                "{\"name\":\"x\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]}");
        Result r = run("local", suite.toString(), "--replicas", "11", "--output", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: --replicas: must be between 1 and 10, was 11"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("out")).as("nothing created for bad input").doesNotExist();
    }

    @Test
    void missingSuiteArgument_isAUsageError() {
        assertThat(run("local").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void unknownCommand_isAUsageError() {
        assertThat(run("launch-rockets").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
