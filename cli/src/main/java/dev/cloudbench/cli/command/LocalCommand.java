package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.engine.Abort;
import dev.cloudbench.cli.engine.Engine;
import dev.cloudbench.cli.engine.MissingPrerequisiteException;
import dev.cloudbench.cli.local.LocalRun;
import dev.cloudbench.cli.output.ProgressPrinter;
import dev.cloudbench.cli.output.ResultsTable;
import dev.cloudbench.cli.output.Verbose;
import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.validation.SuiteValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cloudbench local SUITE}: the whole state machine on this host, no AWS account needed. */
@Command(name = "local", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench local examples/suites/quickstart.json",
            "  cloudbench local my-suite.yaml --output results/",
            "  cloudbench local examples/suites/ab-quickstart.json --replicas 3",
            "  cloudbench local suite.json --baseline-ref main --candidate-ref my-branch --fail-on-regression 5"},
        description = {"Run a suite on this machine through the state machine that runs in AWS.",
            "This host is the instance, bash is SSM, a directory is S3."})
public final class LocalCommand implements Callable<Integer> {
    /** Said before every local run: the "instance" is this machine, and the suite is not sandboxed. */
    static final String RUNS_AS_YOU = "The suite runs as you (%s) on this machine, not in a sandbox;"
            + " AWS, GitHub and other credentials are withheld from its environment.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "suite file (.json, .yaml or .yml)")
    Path suiteFile;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "cloudbench-results",
            description = "where results go, laid out as in S3 (default: ${DEFAULT-VALUE})")
    Path output;

    @Mixin
    Verbose verbose;

    @Mixin
    ComparisonOptions comparison;

    @Mixin
    ReplicasOption replicas;

    @Override
    public Integer call() throws Exception {
        // Node starts loading the local engine now, while the suite is read and the run wired: the run
        // takes the process over; when it never starts, the process ends here.
        Optional<Engine.Started> engine = startEngineEarly();
        try {
            return run(engine);
        } finally {
            engine.ifPresent(Engine.Started::close);
        }
    }

    /** The engine's process when an engine is installed; otherwise the run checks, installs and starts it. */
    private static Optional<Engine.Started> startEngineEarly() {
        try {
            return new Engine(Home.locate().resolve("statemachine")).startEarly();
        } catch (RuntimeException e) {
            return Optional.empty(); // reported by the run, in its own order, when it matters
        }
    }

    private int run(Optional<Engine.Started> engine) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Suite suite = SuiteValidator.validate(comparison.apply(InputReader.suiteFile(suiteFile)));
        RunRequest request = LocalRun.request(suite, replicas.value(), Clock.systemUTC());
        Abort abort = new Abort();
        LocalRun.Options options = LocalRun.Options.of(Home.locate(), output.toAbsolutePath())
                .withEngine(engine)
                .withAbort(abort)
                .withHandlerErrors(e -> {
                    if (verbose.on()) {
                        e.printStackTrace(err);
                    }
                });
        out.println("cloudbench local: suite " + suite.name() + ", " + suite.benchmarks().size() + " benchmark(s), "
                + (suite.hasVariants() ? suite.variants().size() + " variants in interleaved rounds, " : "")
                + (replicas.value() == null || replicas.value() == 1 ? ""
                        : replicas.value() + " local instances one after another, ")
                + "results in " + output.toAbsolutePath());
        out.println(RUNS_AS_YOU.formatted(System.getProperty("user.name")));
        out.flush();
        // Ctrl-C stops the execution as StopExecution would; the cleanup layers then end its instances.
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            if (finished.getCount() > 0) {
                err.println("cloudbench: stopping the run and terminating its instances ...");
                err.flush();
                abort.request();
                try {
                    finished.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "cloudbench-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        LocalRun.Outcome outcome;
        try {
            outcome = LocalRun.execute(request, options, err, new ProgressPrinter(out));
        } catch (MissingPrerequisiteException e) {
            // Checked before the state machine starts: every missing tool at once, one line each.
            e.problems().forEach(p -> err.println("cloudbench: missing prerequisite: " + p));
            err.flush();
            return ExitCodes.MISSING_PREREQUISITE;
        } finally {
            finished.countDown();
        }
        outcome.results().ifPresent(r -> ResultsTable.print(r, out));
        out.println();
        if (!outcome.cleanedUp().isEmpty()) {
            out.println("Execution-status cleanup terminated: " + outcome.cleanedUp());
        }
        if (!outcome.strays().isEmpty()) {
            err.println("cloudbench: terminated instances the run left behind: " + outcome.strays());
        }
        if (outcome.results().isPresent()) {
            out.println("Results: " + outcome.runDir().resolve("results.json"));
            out.println("Report:  " + outcome.runDir().resolve("report.md"));
            out.println("         " + outcome.runDir().resolve("report.html"));
        }
        out.printf(Locale.ROOT, "Run %s %s in %.1f s%n", outcome.runId(),
                outcome.succeeded() ? "succeeded" : "failed", outcome.seconds());
        out.flush();
        if (outcome.succeeded()) {
            return comparison.exitCode(ExitCodes.OK, outcome.results(), out, err);
        }
        String cause = outcome.cause() == null ? "" : outcome.cause();
        if (ImageBuildFailedException.class.getName().equals(outcome.error())) {
            throw new MissingPrerequisiteException(cause.replace(outcome.error() + ": ", ""));
        }
        err.println("cloudbench: run failed: " + cause);
        return comparison.exitCode(ExitCodes.RUN_FAILED, outcome.results(), out, err);
    }
}
