package dev.cloudbench.core.testing;

import java.util.SplittableRandom;

/** Synthetic benchmark times with known medians, from seeded generators. */
public final class Samples {
    private Samples() {
    }

    /** n times from a normal distribution (so its median is {@code median}), never below a tenth of it. */
    public static double[] normal(long seed, int n, double median, double sigma) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] times = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = Math.max(median / 10, median + sigma * gaussian(rng));
        }
        return times;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller, written out so that the samples are the same on every JDK.
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
