package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.output.ResultsTable;
import dev.cloudbench.core.cost.PriceTable;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Target;
import dev.cloudbench.core.plan.Planner;
import dev.cloudbench.core.plan.RunPlan;
import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.validation.SuiteValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudbench plan SUITE --detect PCT --noise RESULTS.json}: the rounds (or runs) and replicas
 * each benchmark needs to detect a PCT change, from the noise a previous run of the suite measured,
 * with the measuring time and cost. {@code cloudbench run --dry-run} prints the same for the targets
 * it would start. There is no default noise: on the same instance type it differs by tens of percent
 * between hosts (docs/measurement.md), so a plan from an assumed figure would be a guess.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  cloudbench local suite.json                      # measures the noise once",
            "  cloudbench plan suite.json --detect 2 --noise cloudbench-results/runs/<run-id>/results.json",
            "  cloudbench plan suite.json --detect 5 --noise results.json --instance-type c7g.large"},
        description = {"Plan a run: rounds and replicas needed to detect a PCT change (5 %% false positives, 90 %% power),",
            "from the noise a previous run of the suite measured, with the instance time and cost."})
public final class PlanCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "suite file (.json, .yaml or .yml)")
    Path suiteFile;

    @Mixin
    Options plan;

    @Option(names = "--instance-type", paramLabel = "TYPE",
            description = "instance type to plan and price, repeatable (default: the types of the noise run)")
    List<String> instanceTypes = List.of();

    @Override
    public Integer call() {
        Suite suite = SuiteValidator.validate(InputReader.suiteFile(suiteFile));
        plan.require();
        List<Planner.PlanTarget> targets = instanceTypes.stream().map(t -> new Planner.PlanTarget(null, t, false)).toList();
        print(plan.plan(suite, targets), spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code --detect} and {@code --noise}, shared by {@code plan} and {@code run --dry-run}. */
    public static final class Options {
        @Option(names = "--detect", paramLabel = "PCT",
                description = "the change to detect, percent, above 0 and below 100 (e.g. 2)")
        Double detect;

        @Option(names = "--noise", paramLabel = "RESULTS",
                description = "results.json (or run directory) of an earlier run of the same suite: its noise")
        Path noise;

        boolean given() {
            return detect != null || noise != null;
        }

        /** Both or neither; and with neither, no plan. */
        void require() {
            if (noise == null) {
                throw new BadInputException("--noise RESULTS.json is needed: a plan rests on the noise an earlier run of "
                        + "the suite measured (run it once, e.g. cloudbench local SUITE); no default is assumed");
            }
            if (detect == null) {
                throw new BadInputException("--detect PCT is needed: the change in percent the run should detect");
            }
        }

        RunPlan plan(Suite suite, List<Planner.PlanTarget> targets) {
            require();
            ResultsFiles.Loaded loaded = new ResultsFiles(Bootstrap.standard(), Clock.systemUTC()).load(noise);
            if (loaded.file().isEmpty()) {
                throw new BadInputException("--noise: " + noise + " is not a cloudbench results.json (hyperfine exports "
                        + "record no rounds, suite or target)");
            }
            return Planner.plan(suite, detect, loaded.results(), targets, PriceTable.bundled());
        }

        /**
         * What {@code run} does with these options: with {@code --dry-run}, print the plan for the
         * run's targets (or say what it needs); without, refuse them. Before anything is started.
         *
         * @return the exit code when the run ends here, or null to go on
         */
        public Integer dryRun(boolean dryRun, Suite suite, List<Target> targets, PrintWriter out) {
            if (!dryRun) {
                if (given()) {
                    throw new BadInputException("--detect and --noise plan a run: use them with --dry-run");
                }
                return null;
            }
            if (!given()) {
                out.println("Dry run: nothing started. For a plan of rounds, replicas and cost add --detect PCT "
                        + "--noise RESULTS.json (the results of an earlier run of the suite).");
            } else {
                out.println();
                print(plan(suite, targets.stream().map(t -> new Planner.PlanTarget(t.architecture(), t.instanceType(),
                        false, t.effectiveReplicas())).toList()), out);
                out.println("Dry run: nothing started.");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static void print(RunPlan plan, PrintWriter out) {
        boolean paired = plan.design() == RunPlan.Design.PAIRED_ROUNDS;
        out.println("Plan for suite " + plan.suite() + ": detect a " + number(plan.changePercent()) + " % change at a "
                + number(plan.alpha() * 100) + " % false-positive rate with " + number(plan.power() * 100) + " % power");
        out.println("  design: " + (paired
                ? "variants in interleaved rounds, Wilcoxon's signed-rank test over rounds; Holm over "
                    + plan.comparisons() + " comparison(s) a target: the first tested at "
                    + number(plan.alpha() / plan.comparisons() * 100) + " %"
                : "plain runs against a baseline run, ratio of medians (bootstrap interval)"));
        out.println("  noise:  run " + plan.noiseRun());
        for (RunPlan.TargetPlan t : plan.targets()) {
            out.println();
            out.println("Target " + (t.architecture() == null ? "" : t.architecture() + " ") + t.instanceType() + " ("
                    + t.noiseFrom() + ")");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"benchmark", "metric", "noise", "from", plan.design().unit(), "replicas",
                "instance time"});
            List<String> notes = new ArrayList<>();
            for (RunPlan.Row r : t.rows()) {
                String label = Format.label(r.benchmark(), r.parameters());
                rows.add(new String[] {label, r.metric(),
                    r.noise() == null ? "—" : String.format(Locale.ROOT, "%.1f %%", r.noise() * 100),
                    r.noiseSource() == null ? "—" : r.noiseSource(),
                    r.units() == null ? "—" : String.valueOf(r.units()), String.valueOf(r.replicas()),
                    r.seconds() == null ? "—" : Format.duration(r.seconds())});
                if (r.note() != null) {
                    notes.add(label + ": " + r.note());
                }
            }
            ResultsTable.table(rows, out);
            notes.forEach(n -> out.println("  " + n));
            out.println("  " + summary(plan, t, paired));
            if (t.runReplicas() != null && t.units() != null) {
                out.println("  the run has " + t.runReplicas() + " replica" + (t.runReplicas() == 1 ? "" : "s")
                        + (t.runReplicas() < t.replicas() ? ": too few, use --replicas " + t.replicas()
                                : t.runReplicas() > t.replicas() ? ": more than the plan needs" : ": as the plan needs"));
            }
        }
        out.println();
        plan.notes().forEach(n -> out.println("Note: " + n));
        out.flush();
    }

    private static String summary(RunPlan plan, RunPlan.TargetPlan t, boolean paired) {
        if (t.units() == null) {
            return "no plan: no benchmark can be planned from this noise";
        }
        String needs = paired ? t.units() + " rounds (every benchmark runs in every round)"
                : "up to " + t.units() + " runs a benchmark";
        String time = t.seconds() == null ? "measuring time unknown"
                : (t.complete() ? "about " : "at least ") + Format.duration(t.seconds()) + " of measuring per instance";
        String cost = t.cost() == null ? "cost: " + t.costBasis()
                : "cost about " + Format.usd(t.cost()) + " (" + t.costBasis() + ")";
        return "needs " + needs + " × " + t.replicas() + " replica" + (t.replicas() == 1 ? "" : "s") + ": " + time
                + "; " + cost;
    }

    private static String number(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9 ? String.valueOf((long) Math.rint(value))
                : String.format(Locale.ROOT, "%.2g", value);
    }
}
