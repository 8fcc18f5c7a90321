package dev.cloudbench.core.validation;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.Suite;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a suite before anything is started or spent. The first problem found is thrown as a
 * {@link BadInputException} whose message is one line starting with the field's path.
 */
public final class SuiteValidator {
    private SuiteValidator() {
    }

    public static Suite validate(Suite suite) {
        return validate(suite, "suite");
    }

    public static Suite validate(Suite suite, String root) {
        if (suite == null) {
            throw new BadInputException(root + ": missing");
        }
        if (suite.name() == null || suite.name().isBlank()) {
            throw new BadInputException(root + ".name: missing");
        }
        if (!Names.isSafe(suite.name())) {
            throw new BadInputException(root + ".name: '" + suite.name()
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        checkRepository(suite.repository(), root + ".repository");
        List<String> setup = suite.setup();
        for (int i = 0; i < setup.size(); i++) {
            if (setup.get(i) == null || setup.get(i).isBlank()) {
                throw new BadInputException(root + ".setup[" + i + "]: empty command");
            }
        }
        checkCounts(suite.warmup(), suite.runs(), suite.timeoutSeconds(), root);
        if (suite.benchmarks() == null) {
            throw new BadInputException(root + ".benchmarks: missing (a suite needs at least one benchmark)");
        }
        if (suite.benchmarks().isEmpty()) {
            throw new BadInputException(root + ".benchmarks: empty (a suite needs at least one benchmark)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < suite.benchmarks().size(); i++) {
            Benchmark b = suite.benchmarks().get(i);
            String at = root + ".benchmarks[" + i + "]";
            if (b == null) {
                throw new BadInputException(at + ": missing");
            }
            checkBenchmark(b, at);
            if (!seen.add(b.name())) {
                throw new BadInputException(at + ".name: duplicate benchmark name '" + b.name() + "'");
            }
        }
        return suite;
    }

    private static void checkRepository(Repository repository, String at) {
        if (repository == null) {
            return;
        }
        GitInputs.urlProblem(repository.url()).ifPresent(p -> {
            throw new BadInputException(at + ".url: " + p);
        });
        if (repository.ref() != null) {
            GitInputs.refProblem(repository.ref()).ifPresent(p -> {
                throw new BadInputException(at + ".ref: " + p);
            });
        }
    }

    private static void checkBenchmark(Benchmark b, String at) {
        if (b.name() == null || b.name().isBlank()) {
            throw new BadInputException(at + ".name: missing");
        }
        if (!Names.isSafe(b.name())) {
            throw new BadInputException(at + ".name: '" + b.name()
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (b.command() == null || b.command().isBlank()) {
            throw new BadInputException(at + ".command: missing");
        }
        if (b.command().contains("\n") || b.command().contains("\r")) {
            throw new BadInputException(at + ".command: must be a single line (hyperfine runs it as one command)");
        }
        for (Map.Entry<String, List<String>> p : b.parameters().entrySet()) {
            String pat = at + ".parameters." + p.getKey();
            if (!Names.PARAMETER.matcher(p.getKey()).matches()) {
                throw new BadInputException(pat + ": parameter names are letters, digits and '_'");
            }
            if (p.getValue() == null || p.getValue().isEmpty()) {
                throw new BadInputException(pat + ": needs at least one value");
            }
            for (String v : p.getValue()) {
                if (v == null || v.isEmpty() || v.contains(",") || v.contains("\n")) {
                    throw new BadInputException(pat + ": values must be non-empty, without ',' or line breaks");
                }
            }
        }
        checkCounts(b.warmup(), b.runs(), b.timeoutSeconds(), at);
    }

    private static void checkCounts(Integer warmup, Integer runs, Integer timeoutSeconds, String at) {
        if (warmup != null && warmup < 0) {
            throw new BadInputException(at + ".warmup: must be 0 or more, was " + warmup);
        }
        if (runs != null && runs < 2) {
            throw new BadInputException(at + ".runs: must be at least 2 (a spread needs two runs), was " + runs);
        }
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > Suite.MAX_TIMEOUT_SECONDS)) {
            throw new BadInputException(at + ".timeoutSeconds: must be between 1 and " + Suite.MAX_TIMEOUT_SECONDS
                    + ", was " + timeoutSeconds);
        }
    }
}
