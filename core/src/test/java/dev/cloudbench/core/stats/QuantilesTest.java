package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void median_isTheMiddleValue_forAnOddCount() {
        assertThat(Quantiles.median(new double[] {1, 2, 9})).isEqualTo(2);
    }

    @Test
    void median_isTheMeanOfTheMiddlePair_forAnEvenCount() {
        assertThat(Quantiles.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
    }

    @Test
    void quantile_interpolatesLinearly_likeNumpyAndR() {
        double[] sorted = {1, 2, 3, 4, 10};
        assertThat(Quantiles.quantile(sorted, 0.25)).isEqualTo(2);
        assertThat(Quantiles.quantile(sorted, 0.9)).isCloseTo(7.6, within(1e-12));
        assertThat(Quantiles.quantile(sorted, 0)).isEqualTo(1);
        assertThat(Quantiles.quantile(sorted, 1)).isEqualTo(10);
    }

    @Test
    void sorted_leavesItsInputInMeasurementOrder() {
        double[] times = {3, 1, 2};
        assertThat(Quantiles.sorted(times)).containsExactly(1, 2, 3);
        assertThat(times).containsExactly(3, 1, 2);
    }
}
