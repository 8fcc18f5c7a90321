package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WalshAveragesTest {
    @Test
    void median_isTheHodgesLehmannEstimate() {
        // Walsh averages of {1, 2, 9}: 1, 1.5, 5, 2, 5.5, 9 → median (2 + 5) / 2.
        assertThat(WalshAverages.of(new double[] {1, 2, 9}).median()).isEqualTo(3.5);
    }

    @Test
    void weightedMedian_equalsTheEstimateOfTheResampleItself() {
        SplittableRandom rng = new SplittableRandom(4);
        double[] d = new double[15];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextDouble() - 0.3;
        }
        WalshAverages walsh = WalshAverages.of(d);
        for (int trial = 0; trial < 50; trial++) {
            int[] counts = new int[d.length];
            List<Double> resample = new ArrayList<>();
            for (int i = 0; i < d.length; i++) {
                int pick = rng.nextInt(d.length);
                counts[pick]++;
                resample.add(d[pick]);
            }
            double[] r = resample.stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(walsh.weightedMedian(counts)).isEqualTo(WalshAverages.of(r).median());
        }
    }
}
