package dev.cloudbench.cli;

import dev.cloudbench.cli.cloud.AwsFailures;
import dev.cloudbench.cli.cloud.CloudEnvironment;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.command.CleanupCommand;
import dev.cloudbench.cli.command.GithubCommand;
import dev.cloudbench.cli.command.HistoryCommand;
import dev.cloudbench.cli.command.InvokeCommand;
import dev.cloudbench.cli.command.ListCommand;
import dev.cloudbench.cli.command.LocalCommand;
import dev.cloudbench.cli.command.PlanCommand;
import dev.cloudbench.cli.command.ReportCommand;
import dev.cloudbench.cli.command.ResultsCommand;
import dev.cloudbench.cli.command.RunCommand;
import dev.cloudbench.cli.command.ScriptCommand;
import dev.cloudbench.cli.command.StatusCommand;
import dev.cloudbench.cli.command.StopCommand;
import dev.cloudbench.cli.engine.MissingPrerequisiteException;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.error.BadInputException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cloudbench} command. */
@Command(name = "cloudbench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Reproducible, multi-architecture benchmark runs — in AWS or on this machine.",
        subcommands = {RunCommand.class, StatusCommand.class, StopCommand.class, ResultsCommand.class, ListCommand.class,
            CleanupCommand.class, LocalCommand.class, ReportCommand.class, HistoryCommand.class, ScriptCommand.class,
            InvokeCommand.class, GithubCommand.class, PlanCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench local examples/suites/quickstart.json",
            "  cloudbench run examples/suites/quickstart.json --arch both",
            "  cloudbench list",
            "  cloudbench report cloudbench-results/runs/<run-id>/",
            "  cloudbench history quickstart"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything ran",
            "1:the run failed (a benchmark, target or step failed; measured results are kept)",
            "2:bad input (usage, suite or request validation); nothing was started",
            "3:a prerequisite is missing on this host (hyperfine, git, Node 22, npm)",
            "4:internal error (--verbose shows the stack trace)",
            "5:a cloud run finished, but some of its targets failed (the others' results are kept)",
            "6:no AWS credentials or region, or the credentials expired or were refused",
            "7:the stack is not deployed in this region (--stack, --region)",
            "8:access denied: the credentials may not do what the command needs",
            "9:--fail-on-regression: a benchmark was confirmed slower than the baseline by more than PCT"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required (try: cloudbench local SUITE, or cloudbench run SUITE in AWS)");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it with their own writers. */
    public static CommandLine commandLine() {
        return commandLine(CloudEnvironment.system());
    }

    /** The command line whose cloud commands reach AWS (and the person) through {@code cloud}. */
    public static CommandLine commandLine(CloudEnvironment cloud) {
        CommandLine cl = new CommandLine(new Main(), new Factory(cloud));
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    /** Builds the cloud commands' shared options with the environment; everything else as picocli does. */
    private record Factory(CloudEnvironment cloud) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == CloudOptions.class) {
                return type.cast(new CloudOptions(cloud));
            }
            return CommandLine.defaultFactory().create(type);
        }
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
        Optional<AwsFailures.Known> known = AwsFailures.classify(e);
        if (known.isPresent()) {
            err.println("cloudbench: " + known.get().message());
            if (verbose) {
                e.printStackTrace(err);
            }
            return known.get().exitCode();
        }
        err.println("cloudbench: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
