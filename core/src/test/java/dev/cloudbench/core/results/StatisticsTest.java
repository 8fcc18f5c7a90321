package dev.cloudbench.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void of_computesSampleStatistics_forOddCount() {
        Statistics s = Statistics.of(new double[] {3, 1, 2});
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(2.0);
        assertThat(s.median()).isEqualTo(2.0);
        assertThat(s.stddev()).isCloseTo(1.0, within(1e-12));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(3.0);
    }

    @Test
    void of_averagesTheMiddlePair_forEvenCount() {
        assertThat(Statistics.of(new double[] {4, 1, 3, 2}).median()).isEqualTo(2.5);
    }

    @Test
    void of_givesZeroSpread_forOneTime() {
        assertThat(Statistics.of(new double[] {0.5}).stddev()).isZero();
    }
}
