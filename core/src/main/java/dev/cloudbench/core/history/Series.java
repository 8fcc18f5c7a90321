package dev.cloudbench.core.history;

import java.util.List;

/**
 * One series of a suite's history with its change points.
 *
 * @param key          which benchmark, target and metric
 * @param points       its points in order (one per run that measured it)
 * @param changePoints the steps found in {@code points}; {@link ChangePoint#index()} counts {@code points}
 */
public record Series(SeriesKey key, List<HistoryEntry> points, List<ChangePoint> changePoints) {

    public Series {
        points = List.copyOf(points);
        changePoints = List.copyOf(changePoints);
    }

    /** The series of {@code points} (all of one key, in order) with its change points found by {@code detector}. */
    public static Series of(SeriesKey key, List<HistoryEntry> points, ChangePointDetector detector) {
        // A noisy host's point is drawn but not tested: NaN is the detector's missing point, which
        // keeps its index, so change points still count every point of the series.
        return new Series(key, points, detector.detect(points.stream()
                .mapToDouble(e -> e.leftOut() ? Double.NaN : e.median()).toArray()));
    }

    public HistoryEntry latest() {
        return points.get(points.size() - 1);
    }

    /** The last change point, or null. */
    public ChangePoint lastChange() {
        return changePoints.isEmpty() ? null : changePoints.get(changePoints.size() - 1);
    }

    /** The latest median against the level before the last change point ({@code 0.04} = 4 % higher); NaN without one. */
    public double sinceLastChange() {
        ChangePoint last = lastChange();
        return last == null || last.before() == 0 ? Double.NaN : latest().median() / last.before() - 1;
    }

    /** The point before the step: the last run of the old level. */
    public HistoryEntry before(ChangePoint p) {
        return points.get(p.index() - 1);
    }

    /** The first run of the new level. */
    public HistoryEntry after(ChangePoint p) {
        return points.get(p.index());
    }

    /** {@code abc123..def456}: the commits between which the step happened, as git names a range. */
    public String commits(ChangePoint p) {
        return before(p).shortCommit() + ".." + after(p).shortCommit();
    }
}
