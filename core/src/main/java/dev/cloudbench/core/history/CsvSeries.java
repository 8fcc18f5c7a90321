package dev.cloudbench.core.history;

import dev.cloudbench.core.error.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A history a team already has, as CSV: a header row, then one row per run in order. Columns: {@code time}
 * (required, any text), {@code commit} (optional), and one or more numeric metric columns; an empty
 * metric cell is a missing point. Fields may be double-quoted ({@code ""} inside quotes is a quote).
 *
 * @param times   per data row, its time
 * @param commits per data row, its commit; null without a commit column
 * @param metrics per metric column, in file order, its values (NaN where missing)
 */
public record CsvSeries(List<String> times, List<String> commits, Map<String, double[]> metrics) {

    /**
     * A change point found in one metric column.
     *
     * @param metric the column
     * @param index  the first data row of the new level, counting data rows from 0
     * @param time   that row's time
     * @param commit that row's commit, or null
     * @param before mean before the step (within the window)
     * @param after  mean from the step on (within the window)
     * @param change {@code after / before - 1}
     * @param pValue the step's t-test
     */
    public record Change(String metric, int index, String time, String commit, double before, double after,
                         double change, double pValue) {
    }

    /**
     * @param source names the file in messages
     * @throws BadInputException naming the line and column of the first problem
     */
    public static CsvSeries parse(String source, String text) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        String[] physical = text.split("\r?\n", -1);
        for (int i = 0; i < physical.length; i++) {
            if (!physical[i].isBlank()) {
                rows.add(fields(source, i + 1, physical[i]));
                lines.add(i + 1);
            }
        }
        if (rows.isEmpty()) {
            throw new BadInputException(source + ": empty; expected a header row with a 'time' column and metric columns");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip()).toList();
        int time = header.indexOf("time");
        int commit = header.indexOf("commit");
        if (time < 0) {
            throw new BadInputException(source + ": line " + lines.get(0) + ": no 'time' column in the header " + header);
        }
        Map<String, double[]> metrics = new LinkedHashMap<>();
        List<Integer> metricColumns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c == time || c == commit) {
                continue;
            }
            if (header.get(c).isEmpty() || metrics.containsKey(header.get(c))) {
                throw new BadInputException(source + ": line " + lines.get(0) + ", column " + (c + 1) + ": "
                        + (header.get(c).isEmpty() ? "empty column name" : "column '" + header.get(c) + "' appears twice"));
            }
            metrics.put(header.get(c), new double[rows.size() - 1]);
            metricColumns.add(c);
        }
        if (metrics.isEmpty()) {
            throw new BadInputException(source + ": line " + lines.get(0) + ": no metric column besides time and commit");
        }
        List<String> times = new ArrayList<>();
        List<String> commits = commit < 0 ? null : new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = source + ": line " + lines.get(r) + " (data row " + (r - 1) + ")";
            if (row.size() != header.size()) {
                throw new BadInputException(where + ": " + row.size() + " field(s), but the header has " + header.size());
            }
            if (row.get(time).isBlank()) {
                throw new BadInputException(where + ", column 'time': empty");
            }
            times.add(row.get(time).strip());
            if (commits != null) {
                commits.add(row.get(commit).isBlank() ? null : row.get(commit).strip());
            }
            for (int c : metricColumns) {
                metrics.get(header.get(c))[r - 1] = number(where + ", column '" + header.get(c) + "'", row.get(c));
            }
        }
        return new CsvSeries(times, commits, metrics);
    }

    /** Every change point of every metric column, column by column. */
    public List<Change> detect(ChangePointDetector detector) {
        List<Change> changes = new ArrayList<>();
        metrics.forEach((metric, values) -> {
            for (ChangePoint p : detector.detect(values)) {
                changes.add(new Change(metric, p.index(), times.get(p.index()),
                        commits == null ? null : commits.get(p.index()), p.before(), p.after(), p.change(), p.pValue()));
            }
        });
        return changes;
    }

    private static double number(String where, String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException(where + ": '" + s + "' is not a number");
    }

    private static List<String> fields(String source, int line, String text) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new BadInputException(String.format(Locale.ROOT, "%s: line %d: a quoted field is not closed", source, line));
        }
        out.add(field.toString());
        return out;
    }
}
