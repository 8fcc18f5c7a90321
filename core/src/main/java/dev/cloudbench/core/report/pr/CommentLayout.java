package dev.cloudbench.core.report.pr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A comment made of text and tables that must fit a character limit. Tables longer than
 * {@link #FOLD_ROWS} rows fold into {@code <details>}; when the whole would still pass the limit,
 * tables lose their last rows (each table is sorted most important first) and say how many were
 * cut. The text — verdict lines included — is never cut, so what matters survives any cut.
 */
final class CommentLayout {
    /** Rows a table shows open; longer tables fold. */
    static final int FOLD_ROWS = 12;

    private final List<Object> parts = new ArrayList<>();
    private final String cutPointer;

    /** @param cutPointer where the rows a cut leaves out can be read, e.g. {@code report.md of the run} */
    CommentLayout(String cutPointer) {
        this.cutPointer = cutPointer;
    }

    CommentLayout text(String markdown) {
        parts.add(markdown);
        return this;
    }

    /** @param header the table's header and separator lines; rows one line each, most important first */
    CommentLayout table(String summary, String header, List<String> rows) {
        parts.add(new TablePart(summary, header, List.copyOf(rows)));
        return this;
    }

    private record TablePart(String summary, String header, List<String> rows) {
        boolean folds() {
            return rows.size() > FOLD_ROWS;
        }

        String open() {
            return folds() ? "<details><summary>" + summary + "</summary>\n\n" + header : header;
        }

        String close() {
            return folds() ? "\n</details>\n\n" : "\n";
        }
    }

    String render(int maxLength) {
        List<TablePart> tables = parts.stream().filter(TablePart.class::isInstance).map(TablePart.class::cast).toList();
        int[] shown = tables.stream().mapToInt(t -> t.rows().size()).toArray();
        String full = render(tables, shown);
        if (full.length() <= maxLength) {
            return full;
        }
        int fixed = render(tables, new int[tables.size()]).length();
        int budget = maxLength - fixed;
        if (budget < 0) {
            throw new IllegalStateException("the comment's text alone is " + fixed + " characters, over " + maxLength);
        }
        // An equal share for each table first, so a long first table cannot starve the next
        // architecture's; then what a short table left over, in order.
        Arrays.fill(shown, 0);
        int share = tables.isEmpty() ? 0 : budget / tables.size();
        int used = 0;
        for (int i = 0; i < tables.size(); i++) {
            int spent = 0;
            for (String row : tables.get(i).rows()) {
                if (spent + row.length() > share) {
                    break;
                }
                spent += row.length();
                shown[i]++;
            }
            used += spent;
        }
        int left = budget - used;
        for (int i = 0; i < tables.size(); i++) {
            List<String> rows = tables.get(i).rows();
            while (shown[i] < rows.size() && rows.get(shown[i]).length() <= left) {
                left -= rows.get(shown[i]).length();
                shown[i]++;
            }
        }
        return render(tables, shown);
    }

    /** The comment with {@code shown[i]} rows of table i; a table that lost rows says so (its note counted as text). */
    private String render(List<TablePart> tables, int[] shown) {
        StringBuilder md = new StringBuilder();
        int table = 0;
        for (Object part : parts) {
            if (part instanceof String text) {
                md.append(text);
                continue;
            }
            TablePart t = (TablePart) part;
            int n = shown[table++];
            md.append(t.open());
            t.rows().subList(0, n).forEach(md::append);
            md.append(t.close());
            // With no row shown every table carries its note: the fixed part counts every note there could be.
            if (n < t.rows().size()) {
                md.append(cutNote(t.rows().size() - n, t.rows().size()));
            }
        }
        return md.toString();
    }

    private String cutNote(int cut, int of) {
        return String.format(Locale.ROOT, "_%d of %d rows cut to keep this comment under GitHub's limit: every row is in %s._\n\n",
                cut, of, cutPointer);
    }
}
