package dev.cloudbench.core.validation;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.CanaryOptions;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.model.Repository;
import dev.cloudbench.core.model.Rounds;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a suite before anything is started or spent. The first problem found is thrown as a
 * {@link BadInputException} whose message is one line starting with the field's path.
 */
public final class SuiteValidator {
    /** More variants than this multiplies a suite's time past anything useful. */
    public static final int MAX_VARIANTS = 16;
    static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String RESERVED_ENV_PREFIX = "CB_";
    private static final double MAX_MIN_EFFECT_PERCENT = 50;

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
        checkMetrics(suite.metrics(), root + ".metrics");
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
        checkVariants(suite, root);
        checkCanary(suite.canary(), root + ".canary");
        return suite;
    }

    private static void checkVariants(Suite suite, String root) {
        if (!suite.hasVariants()) {
            if (suite.rounds() != null) {
                throw new BadInputException(root + ".rounds: only a suite with variants is measured in rounds");
            }
            return;
        }
        List<Variant> variants = suite.variants();
        if (variants.size() < 2) {
            throw new BadInputException(root + ".variants: at least two variants to compare, or none");
        }
        if (variants.size() > MAX_VARIANTS) {
            throw new BadInputException(root + ".variants: " + variants.size() + " variants, at most " + MAX_VARIANTS
                    + " allowed");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String at = root + ".variants[" + i + "]";
            if (v == null) {
                throw new BadInputException(at + ": missing");
            }
            checkVariant(v, at, suite.repository() != null, root);
            if (!seen.add(v.name())) {
                throw new BadInputException(at + ".name: duplicate variant name '" + v.name() + "'");
            }
        }
        checkRounds(suite.effectiveRounds(), root + ".rounds");
    }

    private static void checkVariant(Variant v, String at, boolean hasRepository, String root) {
        if (v.name() == null || v.name().isBlank()) {
            throw new BadInputException(at + ".name: missing");
        }
        if (!Names.isSafe(v.name())) {
            throw new BadInputException(at + ".name: '" + v.name()
                    + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (v.ref() != null) {
            if (!hasRepository) {
                throw new BadInputException(at + ".ref: needs " + root
                        + ".repository (a ref names a commit of the suite's repository)");
            }
            GitInputs.refProblem(v.ref()).ifPresent(p -> {
                throw new BadInputException(at + ".ref: " + p);
            });
        }
        for (Map.Entry<String, String> e : v.env().entrySet()) {
            String eat = at + ".env." + e.getKey();
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new BadInputException(eat + ": environment variable names are letters, digits and '_',"
                        + " not starting with a digit");
            }
            if (e.getKey().startsWith(RESERVED_ENV_PREFIX)) {
                throw new BadInputException(eat + ": names starting with '" + RESERVED_ENV_PREFIX
                        + "' are reserved for cloudbench's script");
            }
            String value = e.getValue();
            if (value == null) {
                throw new BadInputException(eat + ": missing value (use \"\" for an empty one)");
            }
            if (value.contains("\n") || value.contains("\r") || value.contains("\0")) {
                throw new BadInputException(eat + ": values must be a single line");
            }
        }
    }

    /** Its shape is checked as it is read ({@link CanaryOptions#read}); here what it means. */
    private static void checkCanary(CanaryOptions canary, String at) {
        if (canary != null && !canary.on() && canary.excludeNoisy() != null) {
            throw new BadInputException(at + "." + CanaryOptions.EXCLUDE_NOISY + ": only means something with the canary"
                    + " on; drop it, or drop \"" + CanaryOptions.ENABLED + "\": false");
        }
    }

    private static void checkRounds(Rounds rounds, String at) {
        int min = rounds.effectiveMin();
        int max = rounds.effectiveMax();
        if (min < Rounds.MIN_ROUNDS) {
            throw new BadInputException(at + ".min: must be at least " + Rounds.MIN_ROUNDS
                    + " (fewer rounds cannot show a change), was " + min);
        }
        if (max > Rounds.MAX_ROUNDS) {
            throw new BadInputException(at + ".max: must be at most " + Rounds.MAX_ROUNDS + ", was " + max);
        }
        if (max < min) {
            throw new BadInputException(at + ".max: must be at least min (" + min + "), was " + max);
        }
        if (rounds.maxSeconds() != null && (rounds.maxSeconds() < 1 || rounds.maxSeconds() > Suite.MAX_TIMEOUT_SECONDS)) {
            throw new BadInputException(at + ".maxSeconds: must be between 1 and " + Suite.MAX_TIMEOUT_SECONDS
                    + ", was " + rounds.maxSeconds());
        }
        if (!Rounds.RANDOM.equals(rounds.effectiveOrder()) && !Rounds.ALTERNATE.equals(rounds.effectiveOrder())) {
            throw new BadInputException(at + ".order: '" + rounds.order() + "' must be '" + Rounds.RANDOM + "' or '"
                    + Rounds.ALTERNATE + "'");
        }
        Double effect = rounds.minEffectPercent();
        if (effect != null && !(effect > 0 && effect <= MAX_MIN_EFFECT_PERCENT)) {
            throw new BadInputException(at + ".minEffectPercent: must be above 0 and at most " + MAX_MIN_EFFECT_PERCENT
                    + ", was " + effect);
        }
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
        checkMetrics(b.metrics(), at + ".metrics");
    }

    /**
     * Known names, each once, wall time among them: hyperfine's timed runs are what every other
     * metric is counted beside (and what the time budgets are spent on), so they always run.
     */
    private static void checkMetrics(List<String> metrics, String at) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String m = metrics.get(i);
            if (Metric.byId(m).isEmpty()) {
                throw new BadInputException(at + "[" + i + "]: unknown metric '" + m + "' (known: " + Metric.known()
                        + ")");
            }
            if (!seen.add(m)) {
                throw new BadInputException(at + "[" + i + "]: '" + m + "' named twice");
            }
        }
        if (!metrics.isEmpty() && !seen.contains(Metric.WALL_TIME.id())) {
            throw new BadInputException(at + ": must include '" + Metric.WALL_TIME.id()
                    + "' (hyperfine's timed runs always run; other metrics are counted beside them)");
        }
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
