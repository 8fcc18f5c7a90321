package dev.cloudbench.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.error.ResultsMissingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HyperfineExportTest {
    @Test
    void parse_readsAnOlderHyperfineExport_withoutParametersOrMemory() throws IOException {
        byte[] bytes;
        try (InputStream in = getClass().getResourceAsStream("/hyperfine/3em-evm-wasm-js.json")) {
            bytes = in.readAllBytes();
        }
        HyperfineExport export = HyperfineExport.parse(bytes, "3em.json");
        assertThat(export.results()).hasSize(5);
        HyperfineExport.Entry first = export.results().get(0);
        assertThat(first.command()).isEqualTo("../../target/release/bench");
        assertThat(first.times()).hasSize(20);
        assertThat(first.parameters()).isEmpty();
        // Our statistics agree with hyperfine's own summary of the same times.
        Statistics s = Statistics.of(first.times());
        assertThat(s.mean()).isCloseTo(2.3461116391399996, within(1e-9));
        assertThat(s.stddev()).isCloseTo(0.12710150437751278, within(1e-9));
        assertThat(s.median()).isCloseTo(2.33984530584, within(1e-9));
    }

    @Test
    void parse_keepsParametersAndExitCodes() {
        String json = "{\"results\":[{\"command\":\"sleep 0.1\",\"times\":[0.1,0.11],\"exit_codes\":[0,0],"
                + "\"parameters\":{\"t\":\"0.1\"},\"memory_usage_byte\":[1,2]}]}";
        HyperfineExport.Entry e = HyperfineExport.parse(json.getBytes(StandardCharsets.UTF_8), "x").results().get(0);
        assertThat(e.parameters()).containsEntry("t", "0.1");
        assertThat(e.exitCodes()).containsExactly(0, 0);
    }

    @Test
    void parse_rejectsWhatIsNotAHyperfineExport_namingTheSource() {
        assertThatThrownBy(() -> HyperfineExport.parse("{\"foo\":1}".getBytes(StandardCharsets.UTF_8), "raw/a.json"))
                .isInstanceOf(ResultsMissingException.class).hasMessage("raw/a.json: not a hyperfine export (no results list)");
        assertThatThrownBy(() -> HyperfineExport.parse("nope".getBytes(StandardCharsets.UTF_8), "raw/b.json"))
                .isInstanceOf(ResultsMissingException.class).hasMessage("raw/b.json: not a hyperfine export (not JSON)");
        assertThatThrownBy(() -> HyperfineExport.parse("{\"results\":[{\"command\":\"x\",\"times\":[]}]}"
                .getBytes(StandardCharsets.UTF_8), "raw/c.json"))
                .isInstanceOf(ResultsMissingException.class).hasMessage("raw/c.json: results[0] has no command or no times");
    }
}
