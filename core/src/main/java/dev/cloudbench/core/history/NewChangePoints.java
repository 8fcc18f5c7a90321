package dev.cloudbench.core.history;

import dev.cloudbench.core.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change points a run brought: those found in a series up to and including the run that were
 * not found in the same series without it. The run then lies after a new change point; the
 * nightly notification and the run's report say so.
 */
public final class NewChangePoints {
    private NewChangePoints() {
    }

    /**
     * A step a run revealed.
     *
     * @param series the series up to and including the run
     * @param point  the step
     */
    public record NewChange(Series series, ChangePoint point) {

        /**
         * {@code count on local: 12.3 % slower (50.1 ms → 56.3 ms) between commits abc..def (runs R1 and R2)};
         * without commits (a suite without a repository) between the runs alone.
         */
        public String sentence() {
            HistoryEntry before = series.before(point);
            HistoryEntry after = series.after(point);
            String runs = "runs " + before.runId() + " and " + after.runId();
            return series.key().label() + ": " + direction(point.change()) + " (" + value(point.before()) + " → "
                    + value(point.after()) + ") between "
                    + (before.commit() == null && after.commit() == null ? runs
                        : "commits " + series.commits(point) + " (" + runs + ")");
        }

        private String value(double v) {
            return HistoryEntry.WALL_TIME.equals(series.key().metric()) ? Format.seconds(v)
                    : String.format(Locale.ROOT, "%.4g", v);
        }
    }

    /** {@code 12.3 % slower} for a positive change of a time, {@code 4.0 % faster} for a negative one. */
    public static String direction(double change) {
        if (Double.isInfinite(change)) {
            return "slower, from zero";
        }
        return String.format(Locale.ROOT, "%.1f %% %s", Math.abs(change) * 100, change > 0 ? "slower" : "faster");
    }

    /** The new change points of {@code runId} in every series it is part of. */
    public static List<NewChange> of(HistoryAnalysis analysis, String runId, ChangePointDetector detector) {
        List<NewChange> changes = new ArrayList<>();
        for (Series s : analysis.series()) {
            int at = -1;
            for (int i = 0; i < s.points().size(); i++) {
                if (s.points().get(i).runId().equals(runId)) {
                    at = i;
                }
            }
            if (at < 0) {
                continue;
            }
            Series with = Series.of(s.key(), s.points().subList(0, at + 1), detector);
            Series without = Series.of(s.key(), s.points().subList(0, at), detector);
            Set<String> known = without.changePoints().stream().map(p -> without.after(p).runId())
                    .collect(Collectors.toSet());
            for (ChangePoint p : with.changePoints()) {
                if (!known.contains(with.after(p).runId())) {
                    changes.add(new NewChange(with, p));
                }
            }
        }
        return changes;
    }
}
