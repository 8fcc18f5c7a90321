package dev.cloudbench.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointDetectorTest {
    private final ChangePointDetector detector = new ChangePointDetector(ChangePointOptions.DEFAULT);

    /** {@code levels[k]} for {@code lengths[k]} points each, times (1 + noise · N(0, 1)), seeded. */
    static double[] steps(long seed, double noise, double[] levels, int[] lengths) {
        Random random = new Random(seed);
        int n = 0;
        for (int l : lengths) {
            n += l;
        }
        double[] x = new double[n];
        int i = 0;
        for (int k = 0; k < levels.length; k++) {
            for (int j = 0; j < lengths[k]; j++) {
                x[i++] = levels[k] * (1 + noise * random.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void detect_findsAFourPercentStep_atTheFirstSlowerPoint() {
        double[] x = steps(1, 0.005, new double[] {1.0, 1.04}, new int[] {40, 25});

        List<ChangePoint> points = detector.detect(x);

        assertThat(points).extracting(ChangePoint::index).containsExactly(40);
        ChangePoint p = points.get(0);
        assertThat(p.change()).isBetween(0.03, 0.05);
        assertThat(p.before()).isBetween(0.99, 1.01);
        assertThat(p.after()).isBetween(1.03, 1.05);
        assertThat(p.pValue()).isLessThan(1e-6);
    }

    @Test
    void detect_findsEveryStep_ofASeriesThatGetsSlowerThenFaster() {
        double[] x = steps(2, 0.01, new double[] {0.200, 0.240, 0.180}, new int[] {30, 20, 30});

        assertThat(detector.detect(x)).extracting(ChangePoint::index).containsExactly(30, 50);
    }

    @Test
    void detect_reportsNothing_onNoiseAlone() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] x = steps(seed, 0.01, new double[] {0.5}, new int[] {200});

            assertThat(detector.detect(x)).as("seed " + seed).isEmpty();
        }
    }

    @Test
    void detect_reportsNothing_onASlowDrift_thatNeverStepsByTheMinimumChangeWithinAWindow() {
        double[] x = new double[120];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            // 0.04 % per run: 4.8 % over the series, but 1.2 % across any window of 30
            x[i] = (1 + 0.0004 * i) * (1 + 0.003 * random.nextGaussian());
        }

        assertThat(detector.detect(x)).isEmpty();
    }

    @Test
    void detect_keepsTheIndexOfTheSeries_whenPointsAreMissing() {
        double[] x = steps(4, 0.005, new double[] {1.0, 1.10}, new int[] {20, 20});
        x[5] = Double.NaN;
        x[19] = Double.NaN;
        x[20] = Double.NaN;
        x[33] = Double.NaN;

        assertThat(detector.detect(x)).extracting(ChangePoint::index).containsExactly(21);
    }

    @Test
    void detect_treatsAStepBetweenConstantLevels_asCertain() {
        double[] x = {1000, 1000, 1000, 1000, 1100, 1100, 1100};

        List<ChangePoint> points = detector.detect(x);

        assertThat(points).extracting(ChangePoint::index).containsExactly(4);
        assertThat(points.get(0).pValue()).isZero();
        assertThat(points.get(0).change()).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void detect_needsTwoPointsAfterAStep_soOneSlowNightIsNoChangePoint() {
        double[] oneSlow = {0.100, 0.101, 0.099, 0.100, 0.101, 0.150};
        double[] twoSlow = {0.100, 0.101, 0.099, 0.100, 0.101, 0.150, 0.151};

        assertThat(detector.detect(oneSlow)).isEmpty();
        assertThat(detector.detect(twoSlow)).extracting(ChangePoint::index).containsExactly(5);
    }

    @Test
    void detect_ignoresASignificantStep_belowTheMinimumChange() {
        double[] x = steps(5, 0.001, new double[] {1.0, 1.01}, new int[] {30, 30});

        assertThat(detector.detect(x)).isEmpty();
        assertThat(new ChangePointDetector(new ChangePointOptions(30, 0.001, 0.005)).detect(x))
                .extracting(ChangePoint::index).containsExactly(30);
    }

    @Test
    void detect_returnsNothing_forSeriesTooShortToSplit() {
        assertThat(detector.detect(new double[0])).isEmpty();
        assertThat(detector.detect(new double[] {1, 2, 3})).isEmpty();
    }

    @Test
    void options_outOfRange_areRefusedWithTheirName() {
        assertThatThrownBy(() -> new ChangePointOptions(1, 0.001, 0.02)).hasMessageContaining("window");
        assertThatThrownBy(() -> new ChangePointOptions(30, 0, 0.02)).hasMessageContaining("p-value");
        assertThatThrownBy(() -> new ChangePointOptions(30, 0.001, -1)).hasMessageContaining("minimum change");
    }
}
