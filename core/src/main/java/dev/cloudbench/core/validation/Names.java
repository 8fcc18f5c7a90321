package dev.cloudbench.core.validation;

import java.util.regex.Pattern;

/** Names that become file names, S3 keys and script tokens: kept to a safe alphabet. */
public final class Names {
    /** Suite, benchmark, target and run names. */
    public static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** hyperfine parameter names (used as {NAME} in commands). */
    public static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");
    /** EC2 instance type, e.g. c7g.large; or "local". */
    public static final Pattern INSTANCE_TYPE = Pattern.compile("local|[a-z0-9-]+\\.[a-z0-9-]+");

    private Names() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE_NAME.matcher(name).matches() && !name.contains("..");
    }
}
