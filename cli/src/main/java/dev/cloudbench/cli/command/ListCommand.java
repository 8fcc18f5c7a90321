package dev.cloudbench.cli.command;

import dev.cloudbench.cli.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.cloud.Stack;
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
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

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
    ExecutionStatus status;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit: must be at least 1");
        }
        if (status == ExecutionStatus.UNKNOWN_TO_SDK_VERSION) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--status: not a run status");
        }
        Stack stack = cloud.stack();
        Instant now = cloud.environment().clock().instant();
        List<ExecutionListItem> runs = cloud.clients().sfn().listExecutionsPaginator(r -> r
                        .stateMachineArn(stack.stateMachineArn()).statusFilter(status).maxResults(Math.min(limit, 1000)))
                .executions().stream().limit(limit).toList();
        if (runs.isEmpty()) {
            out.println(status == null ? cloud.noRunsYet() : "No runs " + status + " in " + cloud.stackLabel() + ".");
            out.flush();
            return ExitCodes.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "status", "started", "took"});
        for (ExecutionListItem e : runs) {
            Instant end = e.stopDate() == null ? now : e.stopDate();
            rows.add(new String[] {e.name(), e.statusAsString(), STARTED.format(e.startDate()),
                ExecutionEnd.duration(Duration.between(e.startDate(), end)) + (e.stopDate() == null ? " so far" : "")});
        }
        out.println("Runs of " + cloud.stackLabel() + ", newest first:");
        ResultsTable.table(rows, out);
        out.println();
        out.println("More: cloudbench status RUN · cloudbench results RUN");
        out.flush();
        return ExitCodes.OK;
    }
}
