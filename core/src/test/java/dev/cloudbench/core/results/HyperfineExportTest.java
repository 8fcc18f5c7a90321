package dev.cloudbench.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.testing.Fixtures;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperfineExportTest {

    private static HyperfineExport parse(String name) {
        return HyperfineExport.parse(Fixtures.hyperfineExport(name), name);
    }

    @Test
    void parse_readsARealExportOfHyperfine115_withParameters() {
        HyperfineExport export = parse("hyperfine-1.15-parameters.json");

        assertThat(export.results()).hasSize(2);
        HyperfineExport.Entry first = export.results().get(0);
        assertThat(first.command()).isEqualTo("seq 100");
        assertThat(first.times()).hasSize(5);
        assertThat(first.parameters()).isEqualTo(Map.of("n", "100"));
        assertThat(first.exitCodes()).containsOnly(0);
        assertThat(first.user()).isNotNull();
    }

    @Test
    void parse_keepsNonZeroExitCodes_ofIgnoredFailures() {
        assertThat(parse("hyperfine-1.15-ignored-failures.json").results().get(0).exitCodes()).containsOnly(3);
    }

    @Test
    void parse_readsAnOlderExport_withoutParametersOrMemory() {
        HyperfineExport export = parse("3em-evm-wasm-js.json");

        assertThat(export.results()).hasSize(5);
        assertThat(export.results()).allSatisfy(e -> {
            assertThat(e.times()).hasSize(20);
            assertThat(e.parameters()).isEmpty();
        });
    }

    @Test
    void parse_readsTheShapeOfHyperfine111() {
        HyperfineExport export = parse("hyperfine-1.11-shape.json");

        assertThat(export.results()).extracting(HyperfineExport.Entry::parameters)
                .containsExactly(Map.of("pattern", "x"), Map.of("pattern", "y"));
    }

    @Test
    void parse_ignoresMemoryUsage_andKeepsANullExitCode() {
        HyperfineExport.Entry e = parse("hyperfine-1.18-memory.json").results().get(0);

        assertThat(e.times()).hasSize(8);
        assertThat(e.exitCodes()).containsExactly(0, 0, null, 0, 0, 0, 0, 0);
    }

    @Test
    void parse_needsOnlyCommandAndTimes() {
        HyperfineExport.Entry e = parse("minimal-no-optional-fields.json").results().get(0);

        assertThat(e.times()).containsExactly(0.0112);
        assertThat(e.exitCodes()).isEmpty();
        assertThat(e.parameters()).isEmpty();
        assertThat(e.user()).isNull();
        assertThat(e.system()).isNull();
    }

    @Test
    void parse_readsSchema2Measurements_inSecondsWhateverTheirUnit() {
        HyperfineExport.Entry e = parse("hyperfine-schema2-measurements.json").results().get(0);

        assertThat(e.command()).isEqualTo("make -j4");
        assertThat(Arrays.stream(e.times()).boxed().toList())
                .satisfiesExactly(t -> assertThat(t).isCloseTo(1.5205, within(1e-9)),
                        t -> assertThat(t).isCloseTo(1.498, within(1e-9)),
                        t -> assertThat(t).isCloseTo(1.5102, within(1e-9)));
        assertThat(e.exitCodes()).containsExactly(0, 0, 0);
    }

    @Test
    void parse_refusesAFileThatIsNotHyperfine_withOneLineNamingIt() {
        assertThatThrownBy(() -> parse("not-hyperfine.json"))
                .isInstanceOf(ResultsMissingException.class)
                .hasMessage("not-hyperfine.json: not a hyperfine export (no \"results\" list)");
    }

    @Test
    void parse_refusesTruncatedJson_namingTheFile() {
        assertThatThrownBy(() -> parse("truncated.json"))
                .hasMessage("truncated.json: not a hyperfine export (not JSON)");
    }

    @Test
    void parse_refusesAnEntryWithoutRawTimes_ratherThanDroppingIt() {
        assertThatThrownBy(() -> parse("summary-without-times.json"))
                .hasMessage("summary-without-times.json: results[0] has no raw times (neither \"times\" nor \"measurements\")");
    }
}
