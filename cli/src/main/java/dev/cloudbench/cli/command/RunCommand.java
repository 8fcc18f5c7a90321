package dev.cloudbench.cli.command;

import dev.cloudbench.cli.cloud.Execution;
import dev.cloudbench.cli.cloud.ExecutionEnd;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudOptions;
import dev.cloudbench.cli.cloud.ExecutionWatch;
import dev.cloudbench.cli.cloud.Stack;
import dev.cloudbench.cli.cloud.TargetChoice;
import dev.cloudbench.cli.output.ProgressPrinter;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Limits;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.runid.RunIdSuffix;
import dev.cloudbench.core.runid.RunIds;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.validation.Names;
import dev.cloudbench.core.validation.RequestValidator;
import dev.cloudbench.core.validation.SuiteValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench run SUITE}: starts the stack's state machine on the suite and follows it until
 * it ends — per target progress, then the results table — as {@code cloudbench local} does here.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench run examples/suites/quickstart.json --arch both",
            "  cloudbench run suite.json --arch arm64 --instance-type arm64=c8g.large",
            "  cloudbench run suite.json --no-wait --stack bench --region eu-west-1",
            "  cloudbench run suite.json --arch both --replicas 3",
            "  cloudbench run suite.json --arch both --baseline-ref main --candidate-ref my-branch --fail-on-regression 5"},
        description = {"Run a suite in AWS, one fresh instance per target, and follow it to its results.",
            "Starts the stack's state machine, shows each target's progress, copies the results and reports",
            "here. Ctrl-C asks whether to stop the run."})
public final class RunCommand implements Callable<Integer> {
    /** Time a cloud run needs beyond the suite's own timeout: an image build, boot, setup. */
    static final int RUN_MARGIN_SECONDS = 3600;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CloudOptions cloud;

    @Mixin
    ComparisonOptions comparison;

    @Parameters(index = "0", paramLabel = "SUITE", description = "suite file (.json, .yaml or .yml)")
    Path suiteFile;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
            description = "x86_64, arm64, or both (one target each) (default: ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--market", paramLabel = "MARKET", defaultValue = Target.DEFAULT_MARKET,
            description = "spot, on-demand, or spot-or-on-demand (spot first) (default: ${DEFAULT-VALUE})")
    String market;

    @Option(names = "--instance-type", paramLabel = "[ARCH=]TYPE",
            description = "instance type to measure, repeatable, one target each (default: the stack's "
                + "X86InstanceType / ArmInstanceType); with --arch both say which: arm64=c7g.xlarge")
    List<String> instanceTypes = List.of();

    @Option(names = "--one-thread-per-core", description = "disable SMT on x86 (like-for-like with Graviton cores)")
    boolean oneThreadPerCore;

    @Option(names = "--runs", paramLabel = "N", description = "measured runs of every benchmark (overrides the suite)")
    Integer runs;

    @Option(names = "--run-id", paramLabel = "ID", description = "the run's id and execution name (default: SUITE-TIME-XXXX)")
    String runId;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "the run's deadline; instances shut down by then (default: the suite's timeout + 1 h)")
    Integer timeoutSeconds;

    @Option(names = "--max-concurrent", paramLabel = "N", description = "targets run at once (default: 4)")
    Integer maxConcurrent;

    @Option(names = "--no-wait", description = "start the run and return (follow it with cloudbench status RUN --follow)")
    boolean noWait;

    @Option(names = "--stop-on-interrupt", description = "on Ctrl-C stop the run without asking (for CI)")
    boolean stopOnInterrupt;

    @Option(names = "--dry-run", description = "validate and print the run's targets (with --detect and --noise, its plan); "
            + "start nothing")
    boolean dryRun;

    @Mixin
    PlanCommand.Options plan;

    @Mixin
    ReplicasOption replicas;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "cloudbench-results",
            description = "where the results are copied, laid out as in S3 (default: ${DEFAULT-VALUE})")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite = SuiteValidator.validate(comparison.apply(InputReader.suiteFile(suiteFile)));
        if (runs != null) {
            suite = SuiteValidator.validate(withRuns(suite, runs));
        }
        if (runId != null && !Names.isSafe(runId)) {
            throw new BadInputException("--run-id: '" + runId + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        TargetChoice choice = TargetChoice.of(arch, market, instanceTypes, oneThreadPerCore);
        replicas.value();
        Limits limits = new Limits(timeoutSeconds == null ? defaultTimeout(suite) : timeoutSeconds, maxConcurrent);

        // The suite and the options are checked above, the whole request (limits too) below: both
        // before anything is started.
        Stack stack = cloud.stack();
        String id = runId != null ? runId
                : new RunIds(RunIdSuffix::random).generate(suite.name(), cloud.environment().clock().instant());
        RunRequest request = RequestValidator.validate(new RunRequest(id, suite,
                replicas.apply(choice.targets(stack.defaultInstanceTypes())), limits));
        int instances = request.targets().stream().mapToInt(Target::effectiveReplicas).sum();
        out.println("cloudbench run: suite " + suite.name() + " (" + suite.benchmarks().size() + " benchmarks) on "
                + request.targets().size() + " target(s)" + (instances == request.targets().size() ? ""
                        : ", " + instances + " instances") + " in stack " + stack.name() + " (" + stack.region() + ")");
        for (Target t : request.targets()) {
            out.println("  " + t.architecture() + " " + t.instanceType() + " " + t.effectiveMarket()
                    + (t.threadsPerCore() == null ? "" : ", one thread per core")
                    + (t.effectiveReplicas() == 1 ? "" : ", " + t.effectiveReplicas() + " replicas (one instance each)"));
        }
        Integer dryRunExit = plan.dryRun(dryRun, suite, request.targets(), out);
        if (dryRunExit != null) {
            return dryRunExit;
        }
        String arn = cloud.executions().start(request);
        out.println("Started run " + id);
        out.println("  console: " + stack.executionConsoleUrl(arn));
        out.flush();
        if (noWait) {
            out.println("Follow it: cloudbench status " + id + " --follow");
            out.println("Results:   cloudbench results " + id + "   (" + stack.runUri(id) + ")");
            out.flush();
            return ExitCodes.OK;
        }
        ExecutionWatch watch = cloud.executions().watch(id, cloud.environment().pollInterval());
        Execution end = StatusCommand.followToTheEnd(cloud, watch, id, stopOnInterrupt,
                new ProgressPrinter(out), err);
        return finish(stack, id, new ExecutionEnd(id, end), out, err);
    }

    private int finish(Stack stack, String id, ExecutionEnd end, PrintWriter out, PrintWriter err) throws Exception {
        out.println();
        var results = new CloudResults(cloud.store(), id);
        var read = results.read();
        if (read.isPresent()) {
            results.download(output, false);
            CloudResults.print(read.get(), output.toAbsolutePath().normalize().resolve("runs").resolve(id),
                    stack.runUri(id), out);
        }
        String summary = end.summary(cloud.environment().clock().instant());
        out.println(summary);
        out.flush();
        if (end.exitCode() != ExitCodes.OK) {
            err.println("cloudbench: " + summary.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + summary.substring(1));
            err.flush();
        }
        return comparison.exitCode(end.exitCode(), read, out, err);
    }

    /** Every benchmark measured {@code n} times: the suite's runs, and no benchmark's own; variants and rounds kept. */
    static Suite withRuns(Suite s, int n) {
        List<Benchmark> benchmarks = s.benchmarks().stream().map(b -> new Benchmark(b.name(), b.command(),
                b.parameters(), b.warmup(), null, b.timeoutSeconds(), b.metrics())).toList();
        return new Suite(s.name(), s.description(), s.repository(), s.setup(), s.warmup(), n, s.timeoutSeconds(),
                benchmarks, s.variants(), s.rounds(), s.metrics(), s.canary());
    }

    static int defaultTimeout(Suite suite) {
        return Math.min(Limits.MAX_RUN_TIMEOUT_SECONDS,
                Math.max(Limits.DEFAULT_RUN_TIMEOUT_SECONDS, suite.effectiveTimeoutSeconds() + RUN_MARGIN_SECONDS));
    }
}
