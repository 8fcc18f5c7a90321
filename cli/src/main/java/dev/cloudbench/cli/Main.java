package dev.cloudbench.cli;

import dev.cloudbench.cli.command.InvokeCommand;
import dev.cloudbench.cli.command.LocalCommand;
import dev.cloudbench.cli.command.ScriptCommand;
import dev.cloudbench.cli.command.ReportCommand;
import dev.cloudbench.cli.engine.MissingPrerequisiteException;
import dev.cloudbench.core.error.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cloudbench} command. */
@Command(name = "cloudbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reproducible, multi-architecture benchmark runs — in AWS or on this machine.",
        subcommands = {LocalCommand.class, ReportCommand.class, ScriptCommand.class, InvokeCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything ran",
            "1:the run failed (a benchmark, target or step failed; measured results are kept)",
            "2:bad input (usage, suite or request validation); nothing was started",
            "3:a prerequisite is missing on this host (hyperfine, git, Node 22, npm)",
            "4:internal error (--verbose shows the stack trace)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: cloudbench local SUITE)");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    /** Known failures: one line and a named exit code. Unknown ones keep their trace for --verbose. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose");
        if (e instanceof BadInputException) {
            err.println("cloudbench: bad input: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof MissingPrerequisiteException) {
            err.println("cloudbench: missing prerequisite: " + e.getMessage());
            return ExitCodes.MISSING_PREREQUISITE;
        }
        err.println("cloudbench: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
