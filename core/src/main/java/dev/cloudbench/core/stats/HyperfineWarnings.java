package dev.cloudbench.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * hyperfine's own warning rules (src/benchmark/mod.rs and src/outlier_detection.rs), applied to
 * the raw times of an export. Outliers are times whose modified Z-score (distance from the median
 * in units of the median absolute deviation) exceeds 1.4826 × 10; a first run beyond that on the
 * slow side is reported as a slow first run instead.
 */
public final class HyperfineWarnings {
    /** hyperfine's OUTLIER_THRESHOLD. */
    public static final double OUTLIER_THRESHOLD = 1.4826 * 10.0;
    /** hyperfine's MIN_EXECUTION_TIME, seconds. */
    public static final double MIN_EXECUTION_TIME = 5e-3;

    private HyperfineWarnings() {
    }

    /** @param exitCodes per run, possibly empty (older exports) or holding nulls (killed by a signal) */
    public static List<BenchmarkWarning> of(double[] times, List<Integer> exitCodes) {
        List<BenchmarkWarning> warnings = new ArrayList<>();
        if (times.length == 0) {
            return warnings;
        }
        for (double t : times) {
            if (t < MIN_EXECUTION_TIME) {
                warnings.add(BenchmarkWarning.FAST_EXECUTION);
                break;
            }
        }
        if (exitCodes != null && exitCodes.stream().anyMatch(c -> !Objects.equals(c, 0))) {
            warnings.add(BenchmarkWarning.NON_ZERO_EXIT);
        }
        double[] scores = modifiedZScores(times);
        if (scores[0] > OUTLIER_THRESHOLD) {
            warnings.add(BenchmarkWarning.SLOW_FIRST_RUN);
        } else {
            for (double s : scores) {
                if (Math.abs(s) > OUTLIER_THRESHOLD) {
                    warnings.add(BenchmarkWarning.OUTLIERS);
                    break;
                }
            }
        }
        return warnings;
    }

    /** (x − median) / MAD per time, in measurement order; a MAD of 0 counts as the smallest double step. */
    static double[] modifiedZScores(double[] times) {
        double median = Quantiles.median(Quantiles.sorted(times));
        double[] deviations = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            deviations[i] = Math.abs(times[i] - median);
        }
        double mad = Quantiles.median(Quantiles.sorted(deviations));
        double scale = mad > 0 ? mad : Math.ulp(1.0);
        double[] scores = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            scores[i] = (times[i] - median) / scale;
        }
        return scores;
    }
}
