package dev.cloudbench.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
    @TempDir
    Path dir;

    @Test
    void suiteFile_readsYaml_andJson_toTheSameSuite() throws IOException {
        Path yaml = Files.writeString(dir.resolve("s.yaml"), """
                name: demo
                warmup: 1
                runs: 5
                setup:
                  - make all
                benchmarks:
                  - name: sleep
                    command: sleep {t}
                    parameters:
                      t: ["0.01", "0.02"]
                """);
        Path json = Files.writeString(dir.resolve("s.json"), """
                {"name":"demo","warmup":1,"runs":5,"setup":["make all"],
                 "benchmarks":[{"name":"sleep","command":"sleep {t}","parameters":{"t":["0.01","0.02"]}}]}
                """);
        Suite fromYaml = InputReader.suiteFile(yaml);
        Suite fromJson = InputReader.suiteFile(json);
        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromYaml.effectiveRuns()).isEqualTo(5);
        assertThat(fromYaml.benchmarks().get(0).parameters()).containsEntry("t", java.util.List.of("0.01", "0.02"));
    }

    @Test
    void suiteFile_namesUnknownYamlField() throws IOException {
        Path yaml = Files.writeString(dir.resolve("s.yml"), "name: x\nbenchmarks:\n  - name: a\n    cmd: true\n");
        assertThatThrownBy(() -> InputReader.suiteFile(yaml)).isInstanceOf(BadInputException.class)
                .hasMessage("suite.benchmarks[0]: unknown field 'cmd'");
    }

    @Test
    void suiteFile_reportsMissingFileAndBrokenJson_inOneLine() throws IOException {
        assertThatThrownBy(() -> InputReader.suiteFile(dir.resolve("nope.json")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("nope.json: no such file");
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"name\": \"x\",\n");
        assertThatThrownBy(() -> InputReader.suiteFile(broken)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("suite: not valid JSON at line")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void examples_loadAndValidate() {
        for (String name : new String[] {"quickstart.json", "guillotine-evm.json"}) {
            Suite suite = dev.cloudbench.core.validation.SuiteValidator.validate(
                    InputReader.suiteFile(Path.of("../examples/suites", name)));
            assertThat(suite.benchmarks()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void instructionsExample_loadsAndCountsInstructions() {
        Suite suite = dev.cloudbench.core.validation.SuiteValidator.validate(
                InputReader.suiteFile(Path.of("../examples/suites", "ab-instructions.json")));
        assertThat(suite.countsInstructions()).isTrue();
        assertThat(suite.metricsOf(suite.benchmarks().get(0))).containsExactly(
                dev.cloudbench.core.model.Metric.WALL_TIME, dev.cloudbench.core.model.Metric.INSTRUCTIONS);
    }
}
