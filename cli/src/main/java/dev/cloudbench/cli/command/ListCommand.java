package dev.cloudbench.cli.command;

import dev.cloudbench.cli.cloud.Execution;
import dev.cloudbench.cli.cloud.ExecutionEnd;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.output.ResultsTable;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cloudbench list}: the stack's runs, newest first — started by the CLI, GitHub or the schedule. */
@Command(name = "list", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench list",
            "  cloudbench list --limit 5 --status FAILED"},
        description = "List the stack's runs, newest first, however they were started (CLI, GitHub, schedule).")
public final class ListCommand implements Callable<Integer> {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "at most this many runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "only runs in this status: ${COMPLETION-CANDIDATES}")
    Execution.Status status;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit: must be at least 1");
        }
        if (status == Execution.Status.UNKNOWN) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--status: not a run status");
        }
        Instant now = cloud.environment().clock().instant();
        List<Execution> runs = cloud.executions().list(status, limit);
        if (runs.isEmpty()) {
            out.println(status == null ? cloud.noRunsYet() : "No runs " + status + " in " + cloud.stackLabel() + ".");
            out.flush();
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "status", "started", "took"});
        for (Execution e : runs) {
            Instant end = e.stop() == null ? now : e.stop();
            rows.add(new String[] {e.runId(), e.status().name(), STARTED.format(e.start()),
                ExecutionEnd.duration(Duration.between(e.start(), end)) + (e.stop() == null ? " so far" : "")});
        }
        out.println("Runs of " + cloud.stackLabel() + ", newest first:");
        ResultsTable.table(rows, out);
        out.println();
        out.println("More: cloudbench status RUN · cloudbench results RUN");
        out.flush();
        return ExitCodes.OK;
    }
}
