package dev.cloudbench.cli.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event of a local execution, as statemachine/engine/run.mjs reports it.
 *
 * @param type      engine event type: StateEntered, StateExited, StateFailed, MapIterationStarted,
 *                  ExecutionSucceeded, ExecutionFailed, ...
 * @param timestamp epoch milliseconds
 * @param state     the state's name, or null
 * @param parent    the enclosing Map state's name for events of an iteration, or null
 * @param index     the Map iteration's index, or null
 * @param error     error name of a failure, or null
 * @param cause     cause of a failure, or null
 * @param output    state output (StateExited) or execution output (ExecutionSucceeded), or null
 */
public record EngineEvent(String type, Long timestamp, String state, String parent, Integer index, String error,
                          String cause, JsonNode output) {
}
