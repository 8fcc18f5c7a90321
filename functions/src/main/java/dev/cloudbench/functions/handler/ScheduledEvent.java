package dev.cloudbench.functions.handler;

/**
 * The parts of an EventBridge scheduled event the sweeper logs.
 *
 * @param id   the event's id
 * @param time when the schedule fired
 */
public record ScheduledEvent(String id, String time) {
}
