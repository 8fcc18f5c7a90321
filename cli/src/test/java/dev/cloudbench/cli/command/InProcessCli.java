package dev.cloudbench.cli.command;

import dev.cloudbench.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The CLI run in this JVM, its output and errors kept across calls: what the command tests drive. */
final class InProcessCli {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code cloudbench ARGS}; returns its exit code. */
    int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
