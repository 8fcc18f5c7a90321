package dev.cloudbench.core.results;

/**
 * Why a target failed.
 *
 * @param name    the error name as Step Functions reports it (a Java class name for our errors)
 * @param message one line for people
 * @param state   the state the error happened in, e.g. {@code Check Benchmark}
 */
public record TargetError(String name, String message, String state) {

    /** The error's name for people: the simple class name of cloudbench's own exceptions, other names as they are. */
    public String shortName() {
        return shortName(name);
    }

    /** The simple class name of a {@code dev.cloudbench} exception; any other error name as it is. */
    public static String shortName(String errorName) {
        if (errorName == null) {
            return "Error";
        }
        int dot = errorName.lastIndexOf('.');
        return dot >= 0 && errorName.startsWith("dev.cloudbench") ? errorName.substring(dot + 1) : errorName;
    }
}
