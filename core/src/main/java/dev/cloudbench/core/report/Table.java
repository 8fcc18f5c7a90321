package dev.cloudbench.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a report, before it is written as Markdown or HTML: both formats show the same rows.
 *
 * @param columns header and alignment per column
 * @param rows    body rows; sortable in HTML
 * @param footer  rows that stay last (totals)
 */
public record Table(List<Column> columns, List<List<Cell>> rows, List<List<Cell>> footer) {

    /** @param kind how the column's cells are laid out */
    public record Column(String title, Kind kind) {
        /** Right-aligned, sorted by number. */
        public boolean numeric() {
            return kind == Kind.NUMBER;
        }

        /** Names that may be long (benchmarks, commands): HTML wraps and clamps them, Markdown writes them in full. */
        public boolean name() {
            return kind == Kind.NAME;
        }
    }

    /** What a column holds; a verdict column never wraps, so its word stays whole. */
    public enum Kind { TEXT, NAME, NUMBER, VERDICT }

    /**
     * @param text what people read
     * @param sort the value HTML sorts by (seconds, percent, dollars), or null to sort by text
     * @param tone how it stands out: {@link #SLOWER}, {@link #FASTER}, {@link #UNSTABLE}, {@link #SAME},
     *             {@link #STRONG} or null
     */
    public record Cell(String text, Double sort, String tone) {
        public static Cell of(String text) {
            return new Cell(text, null, null);
        }

        public static Cell number(String text, double sort) {
            return new Cell(text, Double.isFinite(sort) ? sort : null, null);
        }

        public static Cell strong(String text) {
            return new Cell(text, null, STRONG);
        }
    }

    public static final String SLOWER = "slower";
    public static final String FASTER = "faster";
    public static final String UNSTABLE = "unstable";
    public static final String SAME = "same";
    public static final String STRONG = "strong";

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Builds a table row by row. */
    static final class Builder {
        private final List<Column> columns = new ArrayList<>();
        private final List<List<Cell>> rows = new ArrayList<>();
        private final List<List<Cell>> footer = new ArrayList<>();

        Builder text(String title) {
            columns.add(new Column(title, Kind.TEXT));
            return this;
        }

        Builder name(String title) {
            columns.add(new Column(title, Kind.NAME));
            return this;
        }

        Builder number(String title) {
            columns.add(new Column(title, Kind.NUMBER));
            return this;
        }

        Builder verdict(String title) {
            columns.add(new Column(title, Kind.VERDICT));
            return this;
        }

        Builder row(List<Cell> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        Builder footer(List<Cell> cells) {
            footer.add(List.copyOf(cells));
            return this;
        }

        Table build() {
            return new Table(List.copyOf(columns), List.copyOf(rows), List.copyOf(footer));
        }
    }
}
