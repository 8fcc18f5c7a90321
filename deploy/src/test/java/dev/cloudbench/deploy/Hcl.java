package dev.cloudbench.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HCL text handling for the template tests: find a block by its header, or cut parts out. */
final class Hcl {
    private Hcl() {
    }

    /** The body (between the braces) of the first block whose header is {@code header}, e.g. {@code source "amazon-ebs" "x86-build"}. */
    static String block(String text, String header) {
        int[] span = span(text, header);
        return text.substring(span[1], span[2] - 1);
    }

    /** {@code text} without the first block whose header is {@code header}. */
    static String withoutBlock(String text, String header) {
        int[] span = span(text, header);
        return text.substring(0, span[0]) + text.substring(span[2]);
    }

    /** {@code text} without any one-line attribute {@code name = ...} and any block {@code name { ... }}. */
    static String withoutSetting(String text, String name) {
        String result = text.replaceAll("(?m)^[ \\t]*" + Pattern.quote(name) + "[ \\t]*=.*\\R", "");
        while (Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + "[ \\t]*\\{").matcher(result).find()) {
            result = withoutBlock(result, name);
        }
        return result;
    }

    /** [start of header, start of body, end of block (after the closing brace)]; braces inside strings do not count. */
    private static int[] span(String text, String header) {
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(header) + "[ \\t]*\\{").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no block '" + header + " {'");
        }
        int depth = 1;
        boolean quoted = false;
        for (int i = m.end(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return new int[] {m.start(), m.end(), i + 1};
            }
        }
        throw new AssertionError("block '" + header + "' is not closed");
    }
}
