package dev.cloudbench.core.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScaleTest {

    @Test
    void nice_widensTheSpanToRoundTicks() {
        Scale s = Scale.nice(0, 0.1415, 200, 30, 4);

        assertThat(s.ticks()).hasSize(4);
        assertThat(s.ticks().get(1)).isCloseTo(0.05, within(1e-12));
        assertThat(s.hi()).isCloseTo(0.15, within(1e-12));
        assertThat(s.at(0)).isEqualTo(200);
        assertThat(s.at(s.hi())).isCloseTo(30, within(1e-9));
    }

    @Test
    void nice_givesAnEmptySpanSomeRoom() {
        Scale s = Scale.nice(2.0, 2.0, 0, 100, 5);

        assertThat(s.lo()).isLessThan(2.0);
        assertThat(s.hi()).isGreaterThan(2.0);
        assertThat(s.at(2.0)).isBetween(0.0, 100.0);
    }

    @Test
    void compact_dropsTrailingZeros_only() {
        assertThat(Scale.compact("400.00 ms")).isEqualTo("400 ms");
        assertThat(Scale.compact("120.50 ms")).isEqualTo("120.5 ms");
        assertThat(Scale.compact("100 ms")).isEqualTo("100 ms");
        assertThat(Scale.compact("$0.00150")).isEqualTo("$0.0015");
        assertThat(Scale.compact("0")).isEqualTo("0");
    }
}
