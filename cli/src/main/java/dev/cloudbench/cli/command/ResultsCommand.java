package dev.cloudbench.cli.command;

import dev.cloudbench.cli.cloud.ExecutionEnd;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.cloud.Stack;
import dev.cloudbench.core.results.RunResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cloudbench results [RUN]}: a cloud run's results table, and its results and reports copied here. */
@Command(name = "results", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench results",
            "  cloudbench results quickstart-20261127T154707Z-6il7 --all"},
        description = {"Fetch a cloud run's results and reports, and print its results table.",
            "Copies results.json, report.md and report.html (--all: every file of the run) into a local",
            "directory laid out as in S3 (default: the latest run)."})
public final class ResultsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @Mixin
    RunOrLatest run;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "cloudbench-results",
            description = "where the files go, under runs/RUN/ (default: ${DEFAULT-VALUE})")
    Path output;

    @Option(names = "--all", description = "copy every file of the run: raw hyperfine exports, environments, ...")
    boolean all;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Stack stack = cloud.stack();
        Optional<String> given = run.resolve(cloud, out);
        if (given.isEmpty()) {
            return ExitCodes.OK;
        }
        String id = given.get();
        CloudResults results = new CloudResults(cloud.store(), id);
        Optional<RunResults> read = results.read();
        if (read.isEmpty()) {
            err.println("cloudbench: run " + id + " has no results: " + whyNoResults(id));
            err.flush();
            return ExitCodes.RUN_FAILED;
        }
        List<Path> files = results.download(output, all);
        Path runDir = output.toAbsolutePath().normalize().resolve("runs").resolve(id);
        out.println("cloudbench results: run " + id + ", suite " + read.get().suite() + ", "
                + read.get().targets().size() + " target(s), " + read.get().status());
        CloudResults.print(read.get(), runDir, stack.runUri(id), out);
        if (all) {
            out.println("Copied " + files.size() + " file(s) under " + runDir);
        }
        out.flush();
        return read.get().targets().stream().allMatch(t -> t.succeeded()) ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
    }

    private String whyNoResults(String id) {
        ExecutionEnd end = new ExecutionEnd(id, cloud.executions().describe(id));
        return end.running() ? "it is still running (cloudbench status " + id + " --follow)"
                : "it published none. " + end.summary(cloud.environment().clock().instant());
    }
}
