package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.cloud.DryRunFleet;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.port.TaggedInstance;
import dev.cloudbench.core.run.CleanupRequest;
import dev.cloudbench.core.run.SweepReport;
import dev.cloudbench.core.service.CleanupService;
import dev.cloudbench.core.service.SweepService;
import dev.cloudbench.core.validation.Names;
import dev.cloudbench.functions.aws.Ec2Fleet;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cloudbench cleanup --run RUN | --expired}: terminates instances the stack left running, by
 * hand — the same services as the stack's own cleanup layers (Clean Up Run and the sweeper), first
 * as a dry run that lists what they would terminate and asks.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench cleanup --expired",
            "  cloudbench cleanup --run quickstart-20261127T154707Z-6il7 --yes"},
        description = {"Terminate instances a cloud run left behind, after listing them and asking.",
            "--run: every live instance of the run; --expired: every instance of the stack whose deadline",
            "passed or whose run no longer runs, as the sweeper does."})
public final class CleanupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    static final class Scope {
        @Option(names = "--run", paramLabel = "RUN", description = "every live instance tagged with this run")
        String runId;

        @Option(names = "--expired", description = "instances past their deadline or whose run's execution ended")
        boolean expired;
    }

    @Option(names = {"-y", "--yes"}, description = "terminate without asking")
    boolean yes;

    /** An instance to terminate and why. */
    private record Doomed(String instanceId, String runId, String why) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (scope.runId != null && !Names.isSafe(scope.runId)) {
            throw new BadInputException("--run: '" + scope.runId + "' is not a run id");
        }
        Ec2Fleet fleet = cloud.fleet();
        DryRunFleet dryRun = new DryRunFleet(fleet);
        List<Doomed> doomed = scope.runId != null ? ofRun(dryRun, fleet) : expired(dryRun);
        String where = cloud.stackLabel();
        if (doomed.isEmpty()) {
            out.println(scope.runId != null ? "Nothing to clean up: no live instance of run " + scope.runId + " in " + where
                    : "Nothing to clean up: no instance of " + where + " is past its deadline or its run.");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Would terminate " + doomed.size() + " instance(s) of " + where + ":");
        for (Doomed d : doomed) {
            out.println("  " + d.instanceId() + "  run " + (d.runId() == null ? "-" : d.runId()) + "  " + d.why());
        }
        out.flush();
        if (!yes && !cloud.prompt(err).confirm("Terminate them? [y/N]")) {
            out.println("Nothing terminated.");
            out.flush();
            return ExitCodes.OK;
        }
        List<String> ids = doomed.stream().map(Doomed::instanceId).toList();
        fleet.terminate(ids);
        out.println("Terminating " + String.join(", ", ids) + ".");
        List<String> left = fleet.findTagged().stream().map(TaggedInstance::instanceId).filter(ids::contains).toList();
        if (left.isEmpty()) {
            out.println("None of them is running any more (DescribeInstances by the stack's tag).");
            out.flush();
            return ExitCodes.OK;
        }
        out.flush();
        err.println("cloudbench: still live after TerminateInstances: " + String.join(", ", left));
        err.flush();
        return ExitCodes.RUN_FAILED;
    }

    /** Clean Up Run's choice: every live instance tagged with the run. */
    private List<Doomed> ofRun(DryRunFleet dryRun, Ec2Fleet fleet) {
        new CleanupService(dryRun).cleanUp(new CleanupRequest(scope.runId, null));
        Map<String, TaggedInstance> tagged = fleet.findTagged().stream()
                .collect(Collectors.toMap(TaggedInstance::instanceId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        return dryRun.wouldTerminate().stream().map(id -> new Doomed(id, scope.runId, tagged.containsKey(id)
                && tagged.get(id).targetId() != null ? "target " + tagged.get(id).targetId() : "")).toList();
    }

    /** The sweeper's choice: past the deadline, or the run's execution no longer running. */
    private List<Doomed> expired(DryRunFleet dryRun) {
        SweepReport report = new SweepService(dryRun, cloud.executions().asPort(),
                cloud.environment().clock()).sweep();
        return report.swept().stream().map(s -> new Doomed(s.instanceId(), s.runId(), s.reason())).toList();
    }
}
