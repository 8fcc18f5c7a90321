package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSizeTest {
    private static final int TRIALS = 500;

    @ParameterizedTest(name = "noise {0}, change {1}")
    @CsvSource({"0.02, 0.02", "0.05, 0.02", "0.04, 0.05", "0.10, 0.05", "0.01, 0.05"})
    void plannedRounds_detectTheChange_aboutNinetyPercentOfTheTime(double noise, double change) {
        int rounds = SampleSize.pairedRounds(noise, change, 0.05, 0.90);
        SplittableRandom rng = new SplittableRandom(Double.hashCode(noise) * 31L + Double.hashCode(change));
        int detected = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] logRatios = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                logRatios[i] = Math.log1p(change) + noise * gaussian(rng);
            }
            detected += SignedRank.pValue(logRatios) <= 0.05 && WalshAverages.of(logRatios).median() > 0 ? 1 : 0;
        }
        double rate = (double) detected / TRIALS;
        System.out.printf("noise %.2f, change %.2f: %d rounds detect it in %.3f of %d trials%n", noise, change, rounds,
                rate, TRIALS);
        // At least the planned power (less 3 points of simulation error), and not wastefully more —
        // except where the exact test's floor of rounds, not the noise, sets the number.
        assertThat(rate).isGreaterThanOrEqualTo(0.86);
        if (rounds > 6) {
            assertThat(rate).isLessThanOrEqualTo(0.95);
        }
    }

    @Test
    void pairedRounds_matchTheNormalApproximationDividedByTheEfficiency_forLargeSamples() {
        // z_{0.975} + z_{0.90} = 1.95996 + 1.28155 = 3.24151; (3.24151 · 0.05 / ln 1.01)² / (3/π) = 273.3 (normal
        // quantiles); t quantiles at ~275 degrees of freedom add about one round.
        int n = SampleSize.pairedRounds(0.05, 0.01, 0.05, 0.90);
        double normal = Math.pow(3.24151 * 0.05 / Math.log(1.01), 2) / (3 / Math.PI);
        assertThat((double) n).isCloseTo(normal, within(4.0)).isGreaterThanOrEqualTo(Math.ceil(normal));
    }

    @Test
    void pairedRounds_neverFewerThanTheExactTestNeedsToReachAlpha() {
        // 2 / 2^n ≤ 0.05 needs n ≥ 6, however large the change.
        assertThat(SampleSize.pairedRounds(0.001, 0.5, 0.05, 0.9)).isEqualTo(6);
        assertThat(SampleSize.pairedRounds(0.001, 0.5, 0.01, 0.9)).isEqualTo(8);
    }

    @Test
    void unpairedRuns_needMoreThanPairedRounds_atTheSameNoise() {
        int paired = SampleSize.pairedRounds(0.03, 0.02, 0.05, 0.9);
        int unpaired = SampleSize.unpairedRuns(0.03, 0.02, 0.05, 0.9);
        // Two sides (×2) and the median's efficiency (2/π instead of 3/π): about 3× the units.
        assertThat((double) unpaired / paired).isCloseTo(3.0, within(0.3));
    }

    @Test
    void split_addsInstances_onlyWhenInstancesDiffer() {
        assertThat(SampleSize.split(0.03, 0, 0.02, 0.05, 0.9, 1, SampleSize.ARE_SIGNED_RANK, 10, 500).instances())
                .isEqualTo(1);
        // Between-instance spread of 1.5 %: one instance cannot get under the variance a 2 % change
        // needs ((ln 1.02 / 3.2415)² = 3.75e-5 < 0.015² = 2.25e-4), however many rounds it runs.
        SampleSize.Split split = SampleSize.split(0.03, 0.015, 0.02, 0.05, 0.9, 1, SampleSize.ARE_SIGNED_RANK, 10, 500);
        assertThat(split.instances()).isGreaterThan(1);
        double variance = 0.015 * 0.015 / split.instances()
                + 0.03 * 0.03 / (SampleSize.ARE_SIGNED_RANK * split.instances() * split.units());
        assertThat(variance).isLessThanOrEqualTo(Math.pow(Math.log(1.02) / 3.2415, 2));
        assertThat(SampleSize.split(0.03, 0.2, 0.02, 0.05, 0.9, 1, SampleSize.ARE_SIGNED_RANK, 10, 500)).isNull();
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
