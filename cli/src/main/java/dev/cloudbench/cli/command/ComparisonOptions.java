package dev.cloudbench.cli.command;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.pr.RefVariants;
import dev.cloudbench.core.pr.RegressionGate;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.results.RunResults;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options {@code cloudbench run} and {@code cloudbench local} share to measure a candidate ref
 * against a baseline ref and gate on the result.
 */
public final class ComparisonOptions {
    @Option(names = "--baseline-ref", paramLabel = "REF",
            description = "measure the suite's benchmarks as variant 'baseline' checked out at REF (with --candidate-ref)")
    String baselineRef;

    @Option(names = "--candidate-ref", paramLabel = "REF",
            description = "... against variant 'candidate' checked out at REF, in interleaved rounds on every target")
    String candidateRef;

    @Option(names = "--repository", paramLabel = "URL",
            description = "the https repository the refs are commits of (default: the suite's repository)")
    String repository;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = {"exit " + ExitCodes.REGRESSION + " when a benchmark is confirmed slower than the baseline by more",
                "than PCT percent on any target ('unstable' and 'no significant change' never fail)"})
    Double failOnRegression;

    /** The suite as the flags make it, before it is validated; refuses flags that do not fit it. */
    public Suite apply(Suite suite) {
        Suite out = RefVariants.apply(suite, repository, baselineRef, candidateRef);
        if (failOnRegression != null) {
            RegressionGate.of("--fail-on-regression", failOnRegression);
            if (!out.hasVariants()) {
                throw new BadInputException("--fail-on-regression: nothing to compare; give --baseline-ref and"
                        + " --candidate-ref, or a suite with variants");
            }
        }
        return out;
    }

    /**
     * The exit code once the run ended with {@code exitCode}: {@link ExitCodes#REGRESSION} when the gate
     * is set and the results show a regression beyond it. Either way the gate's verdict is one line.
     */
    public int exitCode(int exitCode, Optional<RunResults> results, PrintWriter out, PrintWriter err) {
        if (failOnRegression == null || results.isEmpty()) {
            return exitCode;
        }
        RegressionGate.Decision decision = RegressionGate.of("--fail-on-regression", failOnRegression).judge(results.get());
        if (decision.fails()) {
            err.println("cloudbench: regression: " + decision.summary());
            err.flush();
            return ExitCodes.REGRESSION;
        }
        out.println("Regression gate: " + decision.summary() + ".");
        out.flush();
        return exitCode;
    }
}
