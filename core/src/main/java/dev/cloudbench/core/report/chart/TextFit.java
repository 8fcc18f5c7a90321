package dev.cloudbench.core.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide a line of chart text is, estimated without a browser: per character, an upper bound of
 * its advance in the common sans-serif faces (system-ui, Roboto, Arial, DejaVu Sans). Charts lay out
 * text with it so that no label leaves its drawing area; erring wide only costs a character.
 */
final class TextFit {
    private static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /** Estimated width of {@code text} at {@code fontSize}, in the same units. */
    static double width(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) {
            em += advance(text.charAt(i));
        }
        return em * fontSize;
    }

    /** {@code text} as is when it fits {@code maxWidth}, else its longest start that fits with an ellipsis. */
    static String ellipsize(String text, double maxWidth, double fontSize) {
        if (width(text, fontSize) <= maxWidth) {
            return text;
        }
        double room = maxWidth - width(ELLIPSIS, fontSize);
        double used = 0;
        int end = 0;
        while (end < text.length() && used + advance(text.charAt(end)) * fontSize <= room) {
            used += advance(text.charAt(end)) * fontSize;
            end++;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    /**
     * {@code text} in at most {@code maxLines} lines of {@code maxWidth}: broken after spaces,
     * slashes, dashes and colons where it can, inside a word where it must; the last line ends in
     * an ellipsis when text is left over.
     */
    static List<String> wrap(String text, double maxWidth, double fontSize, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines - 1 && width(rest, fontSize) > maxWidth) {
            int end = fitting(rest, maxWidth, fontSize);
            int breakAt = end;
            for (int i = end; i > end / 3; i--) {
                if (" /-_:,.".indexOf(rest.charAt(i - 1)) >= 0) {
                    breakAt = i;
                    break;
                }
            }
            lines.add(rest.substring(0, breakAt).stripTrailing());
            rest = rest.substring(breakAt).stripLeading();
        }
        if (!rest.isEmpty()) {
            lines.add(ellipsize(rest, maxWidth, fontSize));
        }
        return lines;
    }

    /** How many leading characters of {@code text} fit {@code maxWidth}; at least one. */
    private static int fitting(String text, double maxWidth, double fontSize) {
        double used = 0;
        int end = 0;
        while (end < text.length() && used + advance(text.charAt(end)) * fontSize <= maxWidth) {
            used += advance(text.charAt(end)) * fontSize;
            end++;
        }
        return Math.max(1, end);
    }

    /** Advance in em: generous, so that real text is never wider than estimated. */
    private static double advance(char c) {
        if ("il.,:;'|!Ijft()[]/\\ ".indexOf(c) >= 0) {
            return 0.42;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 0.98;
        }
        if (Character.isUpperCase(c) || c == '…' || c == '—' || c == '×' || c == '−') {
            return 0.8;
        }
        if (c > 0x2000) {
            return 1.0;
        }
        return 0.62;
    }
}
