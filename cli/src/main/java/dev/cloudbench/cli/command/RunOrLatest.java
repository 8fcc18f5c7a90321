package dev.cloudbench.cli.command;

import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.validation.Names;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Parameters;

/** {@code [RUN]} (a picocli mixin): the run a cloud command shows, the stack's latest when none is given. */
public final class RunOrLatest {
    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "the run id (default: the latest run)")
    String runId;

    /**
     * The given run id (checked), else the stack's newest run; empty when the stack has none, which
     * is then told on {@code out}.
     */
    Optional<String> resolve(CloudOptions cloud, PrintWriter out) {
        if (runId == null) {
            Optional<String> latest = cloud.executions().latest();
            if (latest.isEmpty()) {
                out.println(cloud.noRunsYet());
                out.flush();
            }
            return latest;
        }
        if (!Names.isSafe(runId)) {
            throw new BadInputException("RUN: '" + runId + "' is not a run id");
        }
        return Optional.of(runId);
    }
}
