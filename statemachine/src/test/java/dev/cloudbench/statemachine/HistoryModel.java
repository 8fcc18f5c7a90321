package dev.cloudbench.statemachine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history events and state transitions a run of benchmark.asl.json writes, counted from the
 * definition itself: its states, their types and resources, its loops and their wait times, and
 * the kind of its target Map.
 *
 * <p>Events per state visit, as Step Functions writes them (event types:
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_HistoryEvent.html):
 * <ul>
 *   <li>a Lambda task by ARN: TaskStateEntered, LambdaFunctionScheduled, LambdaFunctionStarted,
 *       LambdaFunctionSucceeded, TaskStateExited — 5;</li>
 *   <li>a callback task ({@code arn:aws:states:::lambda:invoke.waitForTaskToken}): TaskStateEntered,
 *       TaskScheduled, TaskStarted, TaskSubmitted, TaskSucceeded or TaskTimedOut, TaskStateExited — 6
 *       (SendTaskHeartbeat "does not in itself create an event in the execution history":
 *       https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskHeartbeat.html);</li>
 *   <li>Wait, Choice, Pass, Succeed: Entered and Exited — 2; Fail: FailStateEntered — 1;</li>
 *   <li>a Map state: MapStateEntered, MapStateStarted, MapStateSucceeded, MapStateExited — 4; an
 *       inline Map adds MapIterationStarted and MapIterationSucceeded per item into the same history;
 *       a Distributed Map adds MapRunStarted and MapRunSucceeded, and each item runs as a child
 *       execution with its own history (ExecutionStarted, its states, ExecutionSucceeded):
 *       https://docs.aws.amazon.com/step-functions/latest/dg/state-map-distributed.html;</li>
 *   <li>the execution: ExecutionStarted, ExecutionSucceeded — 2.</li>
 * </ul>
 * Each state visited is one state transition. The quotas: 25,000 history events per execution, and
 * 256 KiB for a state's input or output
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
 *
 * <p>What the model leaves out: retries of transient Lambda errors (each adds a failed and a
 * rescheduled pair of events) and image builds (a run with existing images).
 */
final class HistoryModel {
    static final int HISTORY_QUOTA = 25_000;
    static final int PAYLOAD_QUOTA_BYTES = 256 * 1024;
    static final String CALLBACK_RESOURCE = "arn:aws:states:::lambda:invoke.waitForTaskToken";

    /** Events and transitions. */
    record Count(long events, long transitions) {
        Count plus(Count other) {
            return new Count(events + other.events, transitions + other.transitions);
        }

        Count times(long n) {
            return new Count(events * n, transitions * n);
        }
    }

    /** One turn of a wait loop: what it writes and how long it waits at most between writes. */
    record Cycle(Count count, long seconds) {
        /** Turns of the loop in {@code hours}, the loop waiting its longest each turn. */
        long turns(double hours) {
            return (long) Math.ceil(hours * 3600 / seconds);
        }
    }

    private final JsonNode definition;

    HistoryModel(JsonNode definition) {
        this.definition = definition;
    }

    JsonNode targetMap() {
        return definition.path("States").path("Run Targets");
    }

    JsonNode branch() {
        return targetMap().path("ItemProcessor").path("States");
    }

    boolean distributed() {
        return "DISTRIBUTED".equals(targetMap().path("ItemProcessor").path("ProcessorConfig").path("Mode").asText());
    }

    static Count visit(JsonNode state) {
        return switch (state.path("Type").asText()) {
            case "Task" -> new Count(CALLBACK_RESOURCE.equals(state.path("Resource").asText()) ? 6 : 5, 1);
            case "Map", "Parallel" -> new Count(4, 1);
            case "Fail" -> new Count(1, 1);
            default -> new Count(2, 1);
        };
    }

    /** How long a visit of this state waits at most before the branch moves on. */
    static long waitSeconds(JsonNode state) {
        if ("Wait".equals(state.path("Type").asText())) {
            if (!state.has("Seconds")) {
                throw new IllegalStateException("a Wait state of the benchmark loop must have fixed Seconds");
            }
            return state.path("Seconds").asLong();
        }
        if (CALLBACK_RESOURCE.equals(state.path("Resource").asText())) {
            long timeout = state.path("TimeoutSeconds").asLong(Long.MAX_VALUE);
            return state.has("HeartbeatSeconds") ? Math.min(timeout, state.path("HeartbeatSeconds").asLong()) : timeout;
        }
        return 0;
    }

    /**
     * The loop that waits for a benchmark: from the state a Choice's back edge leads to, around to
     * that Choice again.
     */
    Cycle loop(String choice) {
        JsonNode states = branch();
        String back = backEdge(choice);
        Count count = new Count(0, 0);
        long seconds = 0;
        String at = back;
        Set<String> seen = new HashSet<>();
        while (!at.equals(choice)) {
            if (!seen.add(at)) {
                throw new IllegalStateException("the loop from " + back + " does not come back to " + choice);
            }
            JsonNode state = states.path(at);
            count = count.plus(visit(state));
            seconds += waitSeconds(state);
            at = state.path("Next").asText();
        }
        return new Cycle(count.plus(visit(states.path(choice))), seconds);
    }

    /** The target a Choice's loop goes back to: the branch target that comes before it on the path. */
    private String backEdge(String choice) {
        List<String> order = happyOrder();
        int self = order.indexOf(choice);
        for (String next : targets(branch().path(choice))) {
            int at = order.indexOf(next);
            if (at >= 0 && at < self) {
                return next;
            }
        }
        throw new IllegalStateException(choice + " has no loop");
    }

    private static List<String> targets(JsonNode choice) {
        List<String> out = new ArrayList<>();
        choice.path("Choices").forEach(c -> out.add(c.path("Next").asText()));
        out.add(choice.path("Default").asText());
        return out;
    }

    /** The states of one target's branch in the order a first pass visits them (Next, forward edges). */
    List<String> happyOrder() {
        JsonNode states = branch();
        List<String> order = new ArrayList<>();
        String at = targetMap().path("ItemProcessor").path("StartAt").asText();
        while (at != null && !order.contains(at)) {
            order.add(at);
            JsonNode state = states.path(at);
            if (state.path("End").asBoolean(false)) {
                break;
            }
            if ("Choice".equals(state.path("Type").asText())) {
                at = targets(state).stream().filter(t -> !order.contains(t)).findFirst().orElse(null);
            } else {
                at = state.path("Next").asText(null);
            }
        }
        return order;
    }

    /**
     * One target's branch: a first pass through every state of its path, plus the turns of each
     * loop ({@code loops}: by Choice, how many times it goes back).
     */
    Count target(Map<String, Long> loops) {
        JsonNode states = branch();
        Count count = new Count(0, 0);
        for (String name : happyOrder()) {
            count = count.plus(visit(states.path(name)));
        }
        for (Map.Entry<String, Long> loop : loops.entrySet()) {
            count = count.plus(loopFromChoice(loop.getKey()).times(loop.getValue()));
        }
        return count;
    }

    /** One turn of a Choice's loop: its states from the back edge to the Choice. */
    private Count loopFromChoice(String choice) {
        JsonNode states = branch();
        List<String> order = happyOrder();
        Count count = new Count(0, 0);
        for (String name : order.subList(order.indexOf(backEdge(choice)), order.indexOf(choice) + 1)) {
            count = count.plus(visit(states.path(name)));
        }
        return count;
    }

    /** The run's own states around the targets: Plan Run to Run Succeeded, with no image to build. */
    Count runStates() {
        JsonNode states = definition.path("States");
        Count count = new Count(2, 0);
        String at = definition.path("StartAt").asText();
        Set<String> seen = new HashSet<>();
        while (at != null && !at.isEmpty() && seen.add(at)) {
            JsonNode state = states.path(at);
            count = count.plus(visit(state));
            if ("Choice".equals(state.path("Type").asText())) {
                at = state.path("Choices").path(0).path("Next").asText();
            } else {
                at = state.path("Next").asText(null);
            }
        }
        return count;
    }

    /** The run's execution history (the parent's, with a Distributed Map). */
    Count parent(int targets, Count perTarget) {
        Count run = runStates();
        if (distributed()) {
            return run.plus(new Count(2, 0));
        }
        return run.plus(perTarget.plus(new Count(2, 0)).times(targets));
    }

    /** One target's child execution (Distributed Map only): its own history. */
    Count child(Count perTarget) {
        return perTarget.plus(new Count(2, 0));
    }
}
