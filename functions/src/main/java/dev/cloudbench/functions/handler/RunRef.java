package dev.cloudbench.functions.handler;

/**
 * The part of the run's state that "Resolve Images" needs.
 *
 * @param runId    the run
 * @param deadline the run's deadline
 */
public record RunRef(String runId, String deadline) {
}
