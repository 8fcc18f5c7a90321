package dev.cloudbench.core.pr;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.validation.GitInputs;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --baseline-ref REF --candidate-ref REF}: a suite's benchmarks measured as two variants,
 * {@value #BASELINE} and {@value #CANDIDATE}, each checked out at its ref of the suite's repository
 * and measured in the same interleaved rounds on every target. The suite that comes out is
 * validated like any other; the checks here only name the flags in what they refuse.
 */
public final class RefVariants {
    public static final String BASELINE = "baseline";
    public static final String CANDIDATE = "candidate";

    private RefVariants() {
    }

    /**
     * @param repositoryUrl the repository the refs are commits of, or null for the suite's own
     * @return the suite with the two variants, or the suite itself when neither ref is given
     * @throws BadInputException when only one ref is given, a ref or URL is unsafe, there is no
     *                           repository to check the refs out of, or the suite has variants already
     */
    public static Suite apply(Suite suite, String repositoryUrl, String baselineRef, String candidateRef) {
        if (baselineRef == null && candidateRef == null) {
            if (repositoryUrl != null) {
                throw new BadInputException("--repository: only with --baseline-ref and --candidate-ref");
            }
            return suite;
        }
        if (baselineRef == null || candidateRef == null) {
            throw new BadInputException("--baseline-ref and --candidate-ref go together: give both");
        }
        if (suite.hasVariants()) {
            throw new BadInputException("--baseline-ref/--candidate-ref: suite " + suite.name() + " has variants of its own ("
                    + suite.variants().stream().map(Variant::name).collect(Collectors.joining(", "))
                    + "); drop them from the suite or drop the flags");
        }
        GitInputs.refProblem(baselineRef).ifPresent(p -> {
            throw new BadInputException("--baseline-ref: '" + baselineRef + "' " + p);
        });
        GitInputs.refProblem(candidateRef).ifPresent(p -> {
            throw new BadInputException("--candidate-ref: '" + candidateRef + "' " + p);
        });
        Repository repository = suite.repository();
        if (repositoryUrl != null) {
            GitInputs.urlProblem(repositoryUrl).ifPresent(p -> {
                throw new BadInputException("--repository: '" + repositoryUrl + "' " + p);
            });
            repository = new Repository(repositoryUrl, null);
        }
        if (repository == null) {
            throw new BadInputException("--baseline-ref/--candidate-ref: suite " + suite.name()
                    + " names no repository to check the refs out of; add repository.url to it or give --repository URL");
        }
        List<Variant> variants = List.of(new Variant(BASELINE, baselineRef, null), new Variant(CANDIDATE, candidateRef, null));
        return new Suite(suite.name(), suite.description(), repository, suite.setup(), suite.warmup(), suite.runs(),
                suite.timeoutSeconds(), suite.benchmarks(), variants, suite.rounds(), suite.metrics(), suite.canary());
    }
}
