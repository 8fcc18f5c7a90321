package dev.cloudbench.cli.command;

import dev.cloudbench.cli.cloud.Execution;
import dev.cloudbench.cli.cloud.ExecutionEnd;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.cloud.ExecutionWatch;
import dev.cloudbench.cli.cloud.InterruptHook;
import dev.cloudbench.cli.cloud.RunStopper;
import dev.cloudbench.cli.cloud.Stack;
import dev.cloudbench.cli.output.ProgressPrinter;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cloudbench status [RUN]}: a cloud run's progress per target so far, and its status; --follow to the end. */
@Command(name = "status", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench status",
            "  cloudbench status quickstart-20261127T154707Z-6il7 --follow"},
        description = "Show a cloud run's progress per target and its status (default: the latest run).")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @Mixin
    RunOrLatest run;

    @Option(names = {"-f", "--follow"}, description = "follow a running run until it ends")
    boolean follow;

    @Option(names = "--stop-on-interrupt", description = "when following, stop the run on Ctrl-C without asking")
    boolean stopOnInterrupt;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Stack stack = cloud.stack();
        Optional<String> given = run.resolve(cloud, out);
        if (given.isEmpty()) {
            return ExitCodes.OK;
        }
        String id = given.get();
        String arn = stack.executionArn(id);
        out.println("Run " + id + " in " + cloud.stackLabel());
        out.println("  console: " + stack.executionConsoleUrl(arn));
        ExecutionWatch watch = cloud.executions().watch(id, cloud.environment().pollInterval());
        ProgressPrinter printer = new ProgressPrinter(out);
        Execution execution = watch.look(printer);
        if (follow && execution.running()) {
            execution = followToTheEnd(cloud, watch, id, stopOnInterrupt, printer, err);
        }
        ExecutionEnd end = new ExecutionEnd(id, execution);
        out.println();
        out.println(end.summary(cloud.environment().clock().instant()));
        if (!end.running()) {
            out.println("Results: cloudbench results " + id + "   (" + stack.runUri(id) + ")");
        }
        out.flush();
        return end.exitCode();
    }

    /** Follows the execution until it ends; Ctrl-C meanwhile asks whether to stop it. */
    static Execution followToTheEnd(CloudOptions cloud, ExecutionWatch watch, String runId,
                                  boolean stopWithoutAsking, ProgressPrinter printer, PrintWriter err) throws InterruptedException {
        try (InterruptHook hook = InterruptHook.install(
                () -> new RunStopper(cloud, runId, stopWithoutAsking, err).interrupted())) {
            return watch.follow(printer);
        }
    }
}
