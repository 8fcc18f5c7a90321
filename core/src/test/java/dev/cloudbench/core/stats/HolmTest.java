package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {
    @Test
    void adjust_multipliesByTheRemainingTests_andKeepsTheOrderGiven() {
        // R: p.adjust(c(0.04, 0.01, 0.03), "holm") == c(0.06, 0.03, 0.06)
        double[] adjusted = Holm.adjust(new double[] {0.04, 0.01, 0.03});
        assertThat(adjusted[0]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
    }

    @Test
    void adjust_capsAtOne_andLeavesASingleTestAlone() {
        assertThat(Holm.adjust(new double[] {0.6, 0.7})).containsExactly(1.0, 1.0);
        assertThat(Holm.adjust(new double[] {0.02})).containsExactly(0.02);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }
}
