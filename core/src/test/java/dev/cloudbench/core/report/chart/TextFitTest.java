package dev.cloudbench.core.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextFitTest {
    private static final String LONG = "3em-evm-wasm-js: ../../target/release/bench_wasm --iterations 1000";

    @Test
    void ellipsize_keepsTheStart_andEndsInAnEllipsis_withinTheWidth() {
        String shown = TextFit.ellipsize(LONG, 120, 13);

        assertThat(shown).endsWith("…").startsWith("3em-evm");
        assertThat(TextFit.width(shown, 13)).isLessThanOrEqualTo(120);
        assertThat(LONG).startsWith(shown.substring(0, shown.length() - 1));
    }

    @Test
    void ellipsize_leavesTextThatFits_asItIs() {
        assertThat(TextFit.ellipsize("sha256", 120, 13)).isEqualTo("sha256");
    }

    @Test
    void wrap_breaksAfterSlashesAndSpaces_andEllipsizesOnlyTheLastLine() {
        List<String> lines = TextFit.wrap(LONG, 224, 13, 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).endsWith("/");
        assertThat(lines.get(1)).endsWith("…");
        assertThat(lines).allMatch(l -> TextFit.width(l, 13) <= 224);
    }

    @Test
    void wrap_breaksInsideAWord_whenThereIsNoBetterPlace() {
        List<String> lines = TextFit.wrap("x".repeat(80), 100, 13, 3);

        assertThat(lines).hasSize(3).allMatch(l -> TextFit.width(l, 13) <= 100);
    }
}
