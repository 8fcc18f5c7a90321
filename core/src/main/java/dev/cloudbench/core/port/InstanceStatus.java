package dev.cloudbench.core.port;

/**
 * @param state  where the instance stands
 * @param reason the provider's reason for a terminated or interrupted instance, or null
 */
public record InstanceStatus(State state, String reason) {

    /** Lifecycle as far as a run cares. */
    public enum State { PENDING, RUNNING, INTERRUPTED, TERMINATED }
}
