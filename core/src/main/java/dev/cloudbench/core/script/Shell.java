package dev.cloudbench.core.script;

/** Quoting for generated bash. */
public final class Shell {
    private Shell() {
    }

    /** Single-quotes {@code value} so bash reads it as one literal word, whatever it contains. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
