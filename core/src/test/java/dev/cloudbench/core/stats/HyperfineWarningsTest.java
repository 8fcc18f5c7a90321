package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases from hyperfine's own tests of its outlier detection (src/outlier_detection.rs), shifted to positive times. */
class HyperfineWarningsTest {

    @Test
    void noWarning_forAQuietSample() {
        assertThat(HyperfineWarnings.of(new double[] {0.52, 0.50, 0.51, 0.49, 0.50}, List.of(0, 0, 0, 0, 0))).isEmpty();
    }

    @Test
    void outliers_whenALaterRunIsFarFromTheRest() {
        assertThat(HyperfineWarnings.of(new double[] {9.8, 10.0, 10.2, 14.0}, List.of()))
                .containsExactly(BenchmarkWarning.OUTLIERS);
    }

    @Test
    void noOutliers_inASampleFromANormalDistribution() {
        double[] xs = {2.33269488, 1.42195907, -0.57527698, -0.31293437, 2.2948158, 0.75813273, -1.0712388,
            -0.96394741, -1.15897446, 1.10976285};
        assertThat(HyperfineWarnings.of(shift(xs, 10), List.of())).isEmpty();
    }

    @Test
    void outliers_whenTwoFarValuesAreAdded_andTheFirstRunIsNotOneOfThem() {
        double[] xs = {2.33269488, 1.42195907, -0.57527698, -0.31293437, 2.2948158, 0.75813273, -1.0712388,
            -0.96394741, -1.15897446, 1.10976285, 20.0, -500.0};
        assertThat(HyperfineWarnings.of(shift(xs, 1000), List.of())).containsExactly(BenchmarkWarning.OUTLIERS);
    }

    @Test
    void outliers_whenTheMedianAbsoluteDeviationIsZero() {
        assertThat(HyperfineWarnings.of(new double[] {10, 10, 10, 10, 10, 10, 10, 100}, List.of()))
                .containsExactly(BenchmarkWarning.OUTLIERS);
    }

    @Test
    void slowFirstRun_insteadOfOutliers_whenTheFirstRunIsTheOutlier() {
        assertThat(HyperfineWarnings.of(new double[] {0.9, 0.30, 0.29, 0.31, 0.30}, List.of()))
                .containsExactly(BenchmarkWarning.SLOW_FIRST_RUN);
    }

    @Test
    void fastExecution_whenAnyRunTookUnderFiveMilliseconds() {
        assertThat(HyperfineWarnings.of(new double[] {0.0049, 0.0051, 0.0050}, List.of()))
                .containsExactly(BenchmarkWarning.FAST_EXECUTION);
    }

    @Test
    void nonZeroExit_forAFailingRun_orOneKilledBySignal() {
        double[] quiet = {0.5, 0.5, 0.5};
        assertThat(HyperfineWarnings.of(quiet, List.of(0, 3, 0))).containsExactly(BenchmarkWarning.NON_ZERO_EXIT);
        assertThat(HyperfineWarnings.of(quiet, Arrays.asList(0, null, 0))).containsExactly(BenchmarkWarning.NON_ZERO_EXIT);
    }

    @Test
    void warnings_haveStableIds_thatResultsJsonStores() {
        assertThat(Arrays.stream(BenchmarkWarning.values()).map(BenchmarkWarning::id))
                .containsExactly("fast-execution", "non-zero-exit", "slow-first-run", "outliers");
        assertThat(BenchmarkWarning.byId("outliers")).isEqualTo(BenchmarkWarning.OUTLIERS);
        assertThat(BenchmarkWarning.byId("from-the-future")).isNull();
    }

    private static double[] shift(double[] xs, double by) {
        return Arrays.stream(xs).map(x -> x + by).toArray();
    }
}
