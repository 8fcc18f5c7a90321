package dev.cloudbench.core.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFilesTest {
    private final ResultsFiles files = new ResultsFiles(Bootstrap.standard(),
            Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    private Path copy(String fixture, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        return Files.write(to, Fixtures.hyperfineExport(fixture));
    }

    @Test
    void load_makesOneTarget_ofADirectoryOfExports_namedAfterIt() throws IOException {
        Path exports = dir.resolve("x86");
        copy("hyperfine-1.15-parameters.json", exports.resolve("seq.json"));
        copy("minimal-no-optional-fields.json", exports.resolve("sleep.json"));
        Files.writeString(exports.resolve("notes.txt"), "ignored: not JSON by name");

        RunResults run = files.load(exports).results();

        assertThat(run.schema()).isEqualTo(RunResults.SCHEMA);
        assertThat(run.generatedAt()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(run.targets()).singleElement().satisfies(t -> {
            assertThat(t.targetId()).isEqualTo("x86");
            assertThat(t.benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("seq", "seq", "sleep");
            assertThat(t.benchmarks()).allSatisfy(b -> assertThat(b.runsRequested()).isNull());
            assertThat(t.cost().amount()).isNull();
        });
    }

    @Test
    void load_makesATargetOfEachSubdirectory() throws IOException {
        copy("hyperfine-1.11-shape.json", dir.resolve("x86_64/grep.json"));
        copy("hyperfine-1.11-shape.json", dir.resolve("arm64/grep.json"));

        RunResults run = files.load(dir).results();

        assertThat(run.targets()).extracting(TargetResult::targetId).containsExactly("arm64", "x86_64");
        assertThat(run.targets()).allSatisfy(t -> assertThat(t.benchmarks()).hasSize(2));
    }

    @Test
    void load_namesEachCommandOfAFileWithSeveral_soThatNoneHidesAnother() throws IOException {
        copy("3em-evm-wasm-js.json", dir.resolve("engines.json"));

        TargetResult target = files.load(dir).results().targets().get(0);

        assertThat(target.benchmarks()).hasSize(5);
        assertThat(target.benchmarks()).extracting(BenchmarkResult::benchmark)
                .startsWith("engines: ../../target/release/bench", "engines: ../../target/release/bench_evm")
                .doesNotHaveDuplicates();
    }

    @Test
    void load_computesIntervalsAndWarnings_forImportedExports() throws IOException {
        copy("hyperfine-1.15-ignored-failures.json", dir.resolve("fail.json"));

        BenchmarkResult b = files.load(dir).results().targets().get(0).benchmarks().get(0);

        assertThat(b.medianInterval()).isNotNull();
        assertThat(b.warnings()).contains("non-zero-exit");
    }

    @Test
    void load_readsASingleExportFile() throws IOException {
        Path file = copy("hyperfine-1.18-memory.json", dir.resolve("run1/compress.json"));

        RunResults run = files.load(file).results();

        assertThat(run.targets().get(0).targetId()).isEqualTo("run1");
        assertThat(run.targets().get(0).benchmarks()).extracting(BenchmarkResult::benchmark).containsExactly("compress");
    }

    @Test
    void load_readsARunDirectory_throughItsResultsJson() throws IOException {
        RunResults written = Fixtures.run("run-1", Fixtures.target("x86", "x86_64", "c7i.large", "on-demand", null,
                Fixtures.benchmark("sort", Samples.normal(1, 10, 0.1, 0.01))));
        Path runDir = dir.resolve("runs/run-1");
        Files.createDirectories(runDir);
        Files.write(runDir.resolve("results.json"), Json.writePretty(written));

        ResultsFiles.Loaded loaded = files.load(runDir);

        assertThat(loaded.results().runId()).isEqualTo("run-1");
        assertThat(loaded.file()).contains(runDir.resolve("results.json"));
        assertThat(loaded.results().targets().get(0).benchmarks().get(0).times())
                .containsExactly(written.targets().get(0).benchmarks().get(0).times());
    }

    @Test
    void load_computesTheCost_ofResultsWrittenBeforeCostsExisted() throws IOException {
        TargetResult t = Fixtures.target("x86", "x86_64", "c7i.large", "on-demand", null,
                Fixtures.benchmark("sort", Samples.normal(1, 10, 0.1, 0.01)));
        TargetResult withoutCost = new TargetResult(t.targetId(), t.architecture(), t.instanceType(), t.market(),
                t.status(), null, t.environment(), t.benchmarks(), t.missingBenchmarks(), null, null);
        Files.write(dir.resolve("results.json"), Json.writePretty(Fixtures.run("old", withoutCost)));

        Cost cost = files.load(dir.resolve("results.json")).results().targets().get(0).cost();

        assertThat(cost.pricePerHour()).isEqualTo(0.08925);
        assertThat(cost.priceSource()).contains("estimate");
    }

    @Test
    void load_findsTheBaselineARunRecorded_besideItInTheStore() throws IOException {
        var sort = Fixtures.benchmark("sort", Samples.normal(1, 10, 0.1, 0.01));
        var base = Fixtures.run("run-1", Fixtures.target("x86", "x86_64", "c7i.large", "spot", 0.03, sort));
        var now = Fixtures.run("run-2", Fixtures.target("x86", "x86_64", "c7i.large", "spot", 0.03, sort)
                .withBaseline("run-1"));
        Files.createDirectories(dir.resolve("runs/run-1"));
        Files.createDirectories(dir.resolve("runs/run-2"));
        Files.write(dir.resolve("runs/run-1/results.json"), Json.writePretty(base));
        Files.write(dir.resolve("runs/run-2/results.json"), Json.writePretty(now));

        var baselines = files.recordedBaselines(files.load(dir.resolve("runs/run-2")));

        assertThat(baselines).containsOnlyKeys("run-1");
    }

    @Test
    void load_refusesAFileThatIsNeitherHyperfineNorCloudbench_withOneLineNamingIt() throws IOException {
        copy("hyperfine-1.15-parameters.json", dir.resolve("good.json"));
        Path bad = copy("not-hyperfine.json", dir.resolve("package.json"));

        assertThatThrownBy(() -> files.load(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(bad.toString() + ": not a hyperfine export")
                .hasMessageContaining("expected a hyperfine export or cloudbench results.json")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void load_refusesResultsOfANewerSchema() throws IOException {
        Files.writeString(dir.resolve("results.json"), "{\"schema\": \"cloudbench.results/v2\", \"targets\": []}");

        assertThatThrownBy(() -> files.load(dir.resolve("results.json")))
                .hasMessageContaining("results schema 'cloudbench.results/v2' is newer than this cloudbench reads");
    }

    @Test
    void load_refusesADirectoryWithNothingToReport() {
        assertThatThrownBy(() -> files.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no results.json and no hyperfine exports");
    }

    @Test
    void load_refusesARunDirectoryThatPublishedNoResults() throws IOException {
        Files.writeString(dir.resolve("request.json"), "{}");

        assertThatThrownBy(() -> files.load(dir)).hasMessageContaining("a run directory without results.json");
    }

    @Test
    void load_refusesAPathThatDoesNotExist() {
        assertThatThrownBy(() -> files.load(dir.resolve("nope"))).hasMessageEndingWith("nope: no such file or directory");
    }
}
