package dev.cloudbench.core.report;

import dev.cloudbench.core.reader.ResultsFiles;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.VerdictRules;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Real results to render, loaded the way {@code cloudbench report} loads them: the second quickstart
 * run of a fresh result store (compared with the first), an A/B quickstart run, and a hyperfine
 * export with long command names against its baseline (src/test/resources/report).
 */
final class ReportFixtures {
    private static final ResultsFiles FILES = new ResultsFiles(Bootstrap.standard(),
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    private ReportFixtures() {
    }

    /** {@code ./cloudbench local examples/suites/quickstart.json}, run twice into one output directory. */
    static RunAnalysis quickstart() {
        ResultsFiles.Loaded loaded = FILES.load(resource("report/quickstart/runs/quickstart-20261201T222227Z-0ckf"));
        return analysis(loaded, Baseline.recorded(loaded.results(), FILES.recordedBaselines(loaded)));
    }

    /** {@code ./cloudbench local examples/suites/ab-quickstart.json}. */
    static RunAnalysis abQuickstart() {
        ResultsFiles.Loaded loaded = FILES.load(resource("report/ab-quickstart"));
        return analysis(loaded, Map.of());
    }

    /** {@code cloudbench report current --baseline baseline} over report/long-names. */
    static RunAnalysis longNames() {
        ResultsFiles.Loaded loaded = FILES.load(resource("report/long-names/current"));
        return analysis(loaded, Baseline.matching(loaded.results(), FILES.load(resource("report/long-names/baseline")).results()));
    }

    private static RunAnalysis analysis(ResultsFiles.Loaded loaded, Map<String, Baseline> baselines) {
        return RunAnalysis.of(loaded.results(), baselines, Bootstrap.standard(), VerdictRules.DEFAULT);
    }

    static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(ReportFixtures.class.getClassLoader().getResource(name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
