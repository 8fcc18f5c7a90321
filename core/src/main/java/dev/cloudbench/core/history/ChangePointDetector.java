package dev.cloudbench.core.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the steps in a series the way Hunter does (now Apache Otava; arXiv 2301.03034): E-divisive
 * means proposes the split of a segment ({@link EnergyStatistic}), a Student's t-test across the
 * split over at most {@code window} points each side decides whether it is real
 * ({@code p ≤ maxPValue}) and large enough ({@code |change| ≥ minChange}), and accepted splits are
 * split again. Afterwards every change point is tested again against its neighbours, and the
 * weakest one that no longer passes is dropped until all pass.
 *
 * <p>A change point needs at least {@value #MIN_SEGMENT} points each side: one slow night is an
 * outlier, two are a level. Missing points (NaN) are left out and keep their index.
 */
public final class ChangePointDetector {
    static final int MIN_SEGMENT = 2;
    private final ChangePointOptions options;

    public ChangePointDetector(ChangePointOptions options) {
        this.options = options;
    }

    public ChangePointOptions options() {
        return options;
    }

    /** The change points of {@code series} in order; NaN marks a missing point. */
    public List<ChangePoint> detect(double[] series) {
        int[] index = new int[series.length];
        double[] x = new double[series.length];
        int n = 0;
        for (int i = 0; i < series.length; i++) {
            if (Double.isFinite(series[i])) {
                index[n] = i;
                x[n++] = series[i];
            }
        }
        double[] values = Arrays.copyOf(x, n);
        List<Integer> splits = new ArrayList<>();
        split(values, 0, n, splits);
        splits.sort(null);
        prune(values, splits);
        List<ChangePoint> points = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            TwoSampleTest t = test(values, splits, s);
            points.add(new ChangePoint(index[splits.get(s)], t.before(), t.after(), t.change(), t.pValue()));
        }
        return points;
    }

    private void split(double[] x, int from, int to, List<Integer> out) {
        int tau = EnergyStatistic.bestSplit(x, from, to, MIN_SEGMENT);
        if (tau < 0 || !passes(TwoSampleTest.of(x, Math.max(from, tau - options.window()), tau,
                Math.min(to, tau + options.window())))) {
            return;
        }
        out.add(tau);
        split(x, from, tau, out);
        split(x, tau, to, out);
    }

    /** Later splits narrow the sides of earlier ones: test each again, drop the weakest failure, repeat. */
    private void prune(double[] x, List<Integer> splits) {
        while (true) {
            int weakest = -1;
            double weakestP = -1;
            for (int s = 0; s < splits.size(); s++) {
                TwoSampleTest t = test(x, splits, s);
                if (!passes(t) && t.pValue() > weakestP) {
                    weakest = s;
                    weakestP = t.pValue();
                }
            }
            if (weakest < 0) {
                return;
            }
            splits.remove(weakest);
        }
    }

    private TwoSampleTest test(double[] x, List<Integer> splits, int s) {
        int tau = splits.get(s);
        int from = s == 0 ? 0 : splits.get(s - 1);
        int to = s == splits.size() - 1 ? x.length : splits.get(s + 1);
        return TwoSampleTest.of(x, Math.max(from, tau - options.window()), tau, Math.min(to, tau + options.window()));
    }

    private boolean passes(TwoSampleTest t) {
        return t.pValue() <= options.maxPValue() && Math.abs(t.change()) >= options.minChange();
    }
}
