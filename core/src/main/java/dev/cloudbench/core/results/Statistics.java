package dev.cloudbench.core.results;

import java.util.Arrays;

/**
 * Summary statistics of raw times, computed by cloudbench from every raw time rather than taken
 * from hyperfine's summary (older hyperfine versions omit some fields).
 *
 * @param runs   number of times
 * @param mean   arithmetic mean, seconds
 * @param stddev sample standard deviation (n-1), seconds; 0 for a single time
 * @param median median, seconds
 * @param min    fastest, seconds
 * @param max    slowest, seconds
 */
public record Statistics(int runs, double mean, double stddev, double median, double min, double max) {

    /** @throws IllegalArgumentException when there are no times */
    public static Statistics of(double[] times) {
        if (times.length == 0) {
            throw new IllegalArgumentException("no times");
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double t : sorted) {
            sum += t;
        }
        double mean = sum / sorted.length;
        double squares = 0;
        for (double t : sorted) {
            squares += (t - mean) * (t - mean);
        }
        double stddev = sorted.length > 1 ? Math.sqrt(squares / (sorted.length - 1)) : 0;
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Statistics(sorted.length, mean, stddev, median, sorted[0], sorted[sorted.length - 1]);
    }
}
