package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.cloud.RunStopper;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.validation.Names;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench stop RUN}: what Ctrl-C on {@code cloudbench run --stop-on-interrupt} does, for a
 * run followed elsewhere — a cancelled workflow's last step. Stops the execution; the stack's cleanup
 * layers end its instances, and this waits to see them go.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench stop gh-1234567-1"},
        description = {"Stop a cloud run: StopExecution, then watch its instances terminate (the stack's cleanup ends them)."})
public final class StopCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run's id (its execution name)")
    String runId;

    @Override
    public Integer call() {
        if (!Names.isSafe(runId)) {
            throw new BadInputException("RUN: '" + runId + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        new RunStopper(cloud, runId, true, spec.commandLine().getErr()).interrupted();
        return ExitCodes.OK;
    }
}
