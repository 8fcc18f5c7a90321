package dev.cloudbench.core.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.stats.Verdict;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChartsTest {
    private static String pct(double p) {
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }

    @Test
    void forest_marksZero_shadesTheBand_andWritesEachVerdict() {
        String svg = ForestChart.render("paired-changes", "t", List.of(
                new ForestChart.Row("sort", "", 5, 3, 7, Verdict.SLOWER, "▲ slower"),
                new ForestChart.Row("gzip", "", 0.2, -0.5, 0.9, Verdict.NO_SIGNIFICANT_CHANGE, "≈ no significant change")),
                1, ChartsTest::pct, "axis");

        assertThat(svg).startsWith("<svg ").contains("data-chart=\"paired-changes\"")
                .contains("shaded: ±1%, smaller than the minimum effect").contains(">+0%</text>")
                .contains(">▲ slower</text>").contains(">≈ no significant change</text>")
                .contains("class=\"verdict verdict-slower\"");
    }

    @Test
    void forest_endsAWildIntervalInAnArrow_insteadOfSquashingTheOtherRows() {
        String svg = ForestChart.render("paired-changes", "t", List.of(
                new ForestChart.Row("noisy", "", 2, -80, 300, Verdict.UNSTABLE, "? unstable"),
                new ForestChart.Row("steady", "", 4, 3, 5, Verdict.SLOWER, "▲ slower")), 1, ChartsTest::pct, "axis");

        assertThat(svg).doesNotContain(">+300").doesNotContain(">+200").contains(">+10%</text>");
    }

    @Test
    void medians_goLogarithmic_aboveTwentyTimes_only() {
        MediansChart.Group fast = group("fast", 0.001);
        MediansChart.Group slow20 = group("slow", 0.02);
        MediansChart.Group slow21 = group("slower", 0.021);

        assertThat(MediansChart.logarithmic(List.of(fast, slow20))).isFalse();
        assertThat(MediansChart.logarithmic(List.of(fast, slow21))).isTrue();
        assertThat(MediansChart.render("medians", "t", List.of(fast, slow21), v -> v + " s", "median"))
                .contains("median (log scale)").contains("data-chart=\"medians\"");
    }

    @Test
    void logScale_placesDecadesEvenly() {
        LogScale s = LogScale.over(0.004, 3, 0, 300);

        assertThat(s.lo()).isEqualTo(0.001);
        assertThat(s.hi()).isEqualTo(10);
        assertThat(s.at(0.01)).isCloseTo(75, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.ticks()).hasSize(5);
    }

    @Test
    void logAxis_whoseIntervalsAllReachZero_isDrawnFromTheMedians() {
        // hyperfine clamps a `true` shorter than the shell's start to 0 s, so bootstrap intervals can
        // start at 0; with a log span between the medians this once looped until the heap ran out.
        MediansChart.Group fast = new MediansChart.Group("fast",
                List.of(new MediansChart.Bar("local", "#000", 0.0001, 0, 0.0003)));
        MediansChart.Group slow = new MediansChart.Group("slow",
                List.of(new MediansChart.Bar("local", "#000", 0.004, 0, 0.01)));

        String svg = MediansChart.render("medians", "t", List.of(fast, slow), v -> v + " s", "median");

        assertThat(svg).contains("median (log scale)").doesNotContain("Infinity").doesNotContain("NaN");
    }

    @Test
    void logScale_refusesBoundsItCannotPlace_andSpansAtMostTwelveDecades() {
        assertThatThrownBy(() -> LogScale.over(Double.POSITIVE_INFINITY, 1, 0, 300))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("log axis");
        assertThatThrownBy(() -> LogScale.over(0, 1, 0, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogScale.over(1e-3, Double.NaN, 0, 300)).isInstanceOf(IllegalArgumentException.class);

        LogScale wide = LogScale.over(Double.MIN_VALUE, 10, 0, 300);
        assertThat(wide.ticks()).hasSize(LogScale.MAX_DECADES + 1);
        assertThat(wide.at(Double.MIN_VALUE)).isEqualTo(0);
    }

    @Test
    void linearScale_overASpanTooSmallForAStep_hasItsEndsAsTicks() {
        Scale s = Scale.nice(0, Double.MIN_VALUE * 4, 0, 300, 5);

        assertThat(s.ticks()).hasSizeLessThanOrEqualTo(1001);
    }

    private static MediansChart.Group group(String name, double median) {
        return new MediansChart.Group(name, List.of(new MediansChart.Bar("local", "#000", median, Double.NaN, Double.NaN)));
    }
}
