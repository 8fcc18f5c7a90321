package dev.cloudbench.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.engine.EngineEvent;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Turns Step Functions history events into the events the local engine reports, so that one
 * progress printer serves {@code cloudbench local} and the cloud commands alike.
 *
 * <p>History events do not say which Map iteration or state they belong to; each names the event
 * before it in its own branch ({@code previousEventId}), which leads back to the iteration's
 * MapIterationStarted (its index) and to the state last entered. A failed Lambda attempt becomes
 * StateFailed; the same state's next scheduling, StateRetried. Events must be given in order.
 */
final class HistoryTranslator {
    /** Where an event happened: the enclosing Map and iteration (or none), and the state. */
    private record Place(String map, Integer index, String state) {
        static final Place TOP = new Place(null, null, null);

        Place in(String stateName) {
            return new Place(map, index, stateName);
        }
    }

    private final Map<Long, Place> places = new HashMap<>();
    private final Set<Place> failedAttempts = new HashSet<>();

    Optional<EngineEvent> translate(HistoryEvent e) {
        String type = e.typeAsString();
        Place before = e.previousEventId() == null ? Place.TOP : places.getOrDefault(e.previousEventId(), Place.TOP);
        Place here = placeOf(e, type, before);
        places.put(e.id(), type.startsWith("MapIteration") && !type.equals("MapIterationStarted") ? Place.TOP : here);
        long at = e.timestamp() == null ? System.currentTimeMillis() : e.timestamp().toEpochMilli();
        if (type.endsWith("StateEntered")) {
            return event("StateEntered", at, here, null, null, null);
        }
        if (type.endsWith("StateExited")) {
            return event("StateExited", at, here, null, null, json(e.stateExitedEventDetails().output()));
        }
        if (type.equals("MapIterationStarted")) {
            return event(type, at, here, null, null, null);
        }
        Failure failure = failure(e);
        if (type.startsWith("Execution")) {
            Failure end = failure == null ? new Failure(null, null) : failure;
            return event(type, at, Place.TOP, end.error(), end.cause(), null);
        }
        if (failure != null && here.state() != null) {
            failedAttempts.add(here);
            return event("StateFailed", at, here, failure.error(), failure.cause(), null);
        }
        if ((type.equals("LambdaFunctionScheduled") || type.equals("TaskScheduled")) && failedAttempts.remove(here)) {
            return event("StateRetried", at, here, null, null, null);
        }
        return Optional.empty();
    }

    private static Place placeOf(HistoryEvent e, String type, Place before) {
        if (type.equals("MapIterationStarted")) {
            return new Place(e.mapIterationStartedEventDetails().name(),
                    e.mapIterationStartedEventDetails().index(), null);
        }
        if (type.endsWith("StateEntered") || type.endsWith("StateExited")) {
            String name = type.endsWith("StateEntered") ? e.stateEnteredEventDetails().name()
                    : e.stateExitedEventDetails().name();
            return before.in(name);
        }
        return before;
    }

    private static Optional<EngineEvent> event(String type, long at, Place place, String error, String cause,
                                               JsonNode output) {
        return Optional.of(new EngineEvent(type, at, place.state(), place.map(), place.index(), error, cause, output));
    }

    private record Failure(String error, String cause) {
    }

    /** The error of a failed attempt, task or execution; null for other events. */
    private static Failure failure(HistoryEvent e) {
        return switch (e.typeAsString()) {
            case "LambdaFunctionFailed" -> failure(e.lambdaFunctionFailedEventDetails().error(),
                    e.lambdaFunctionFailedEventDetails().cause());
            case "LambdaFunctionTimedOut" -> failure(e.lambdaFunctionTimedOutEventDetails().error(),
                    e.lambdaFunctionTimedOutEventDetails().cause());
            case "LambdaFunctionScheduleFailed" -> failure(e.lambdaFunctionScheduleFailedEventDetails().error(),
                    e.lambdaFunctionScheduleFailedEventDetails().cause());
            case "LambdaFunctionStartFailed" -> failure(e.lambdaFunctionStartFailedEventDetails().error(),
                    e.lambdaFunctionStartFailedEventDetails().cause());
            case "TaskFailed" -> failure(e.taskFailedEventDetails().error(), e.taskFailedEventDetails().cause());
            case "TaskTimedOut" -> failure(e.taskTimedOutEventDetails().error(), e.taskTimedOutEventDetails().cause());
            case "ExecutionFailed" -> failure(e.executionFailedEventDetails().error(),
                    e.executionFailedEventDetails().cause());
            case "ExecutionAborted" -> failure(e.executionAbortedEventDetails() == null ? null
                    : e.executionAbortedEventDetails().error(), e.executionAbortedEventDetails() == null ? null
                    : e.executionAbortedEventDetails().cause());
            case "ExecutionTimedOut" -> failure(e.executionTimedOutEventDetails() == null ? "States.Timeout"
                    : e.executionTimedOutEventDetails().error(), e.executionTimedOutEventDetails() == null ? null
                    : e.executionTimedOutEventDetails().cause());
            default -> null;
        };
    }

    private static Failure failure(String error, String cause) {
        return new Failure(error, message(cause));
    }

    /** A Lambda error's cause is its JSON payload; people want its errorMessage. */
    static String message(String cause) {
        if (cause == null || !cause.stripLeading().startsWith("{")) {
            return cause;
        }
        JsonNode node = json(cause);
        return node != null && node.hasNonNull("errorMessage") ? node.get("errorMessage").asText() : cause;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.payload().readTree(text);
        } catch (IOException e) {
            return null; // not JSON: nothing to read progress from
        }
    }
}
