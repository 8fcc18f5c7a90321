package dev.cloudbench.core.results;

/**
 * Why a target failed.
 *
 * @param name    the error name as Step Functions reports it (a Java class name for our errors)
 * @param message one line for people
 * @param state   the state the error happened in, e.g. {@code Check Benchmark}
 */
public record TargetError(String name, String message, String state) {
}
