package dev.cloudbench.core.history;

import dev.cloudbench.core.report.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words and tables of a history that the CLI prints and history.html shows alike. */
public final class HistoryText {
    private HistoryText() {
    }

    /** The first line about a series: how many runs, the latest value, the change since the last change point. */
    public static String summary(Series s) {
        HistoryEntry latest = s.latest();
        String line = s.points().size() + " run(s); latest " + value(s, latest.median()) + " (run " + latest.runId()
                + ", commit " + latest.shortCommit() + ")";
        ChangePoint last = s.lastChange();
        if (last == null) {
            return line + "; no change point";
        }
        return line + "; since the last change point (run " + s.after(last).runId() + "): "
                + Format.percent(s.sinceLastChange() * 100) + " against " + value(s, last.before());
    }

    /** One row per change point, under a header row. */
    public static List<String[]> changeRows(Series s) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "first run after", "commits", "before", "after", "change", "p"});
        for (ChangePoint p : s.changePoints()) {
            rows.add(new String[] {String.valueOf(p.index()), s.after(p).runId() + " (" + date(s.after(p)) + ")",
                s.commits(p), value(s, p.before()), value(s, p.after()), change(p.change()), Format.pValue(p.pValue())});
        }
        return rows;
    }

    /** The detector's settings, as a sentence. */
    public static String method(ChangePointOptions o) {
        return String.format(Locale.ROOT, "Change points: E-divisive means with a Student's t-test across each step over"
                + " at most %d runs each side, kept when p ≤ %s and the change is at least %s; a step needs two runs"
                + " after it.", o.window(), Double.toString(o.maxPValue()), Format.percent(o.minChange() * 100)
                .substring(1));
    }

    public static String change(double change) {
        return Double.isInfinite(change) ? "from 0" : Format.percent(change * 100);
    }

    static String value(Series s, double v) {
        return HistoryEntry.WALL_TIME.equals(s.key().metric()) ? Format.seconds(v) : Format.instructions(v);
    }

    /** The date of a point, {@code 2026-03-01}, or the time as stored when it is not ISO-8601. */
    static String date(HistoryEntry e) {
        return e.time() != null && e.time().length() >= 10 ? e.time().substring(0, 10) : String.valueOf(e.time());
    }
}
