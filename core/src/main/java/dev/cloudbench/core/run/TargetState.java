package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.port.LaunchedInstance;

/**
 * The payload that flows through one target's branch of the Map: each task takes it and returns
 * it with its own part filled in.
 *
 * @param runId       the run
 * @param deadline    ISO-8601: the run's deadline until "Launch Instance" sets the target's own
 *                    (its launch plus the target's time, within the run's deadline), which the
 *                    instance shuts down at and every later check of the target keeps to
 * @param target      the target
 * @param instance    set by "Launch Instance"
 * @param ready       set by "Check Instance"
 * @param commandId   set by "Start Benchmark"
 * @param done        set by "Check Benchmark" once the script ended well
 * @param progress    the script's last progress line
 * @param checks      status checks in the current wait loop (bounds the loop)
 * @param startedAt   when the benchmark started
 * @param finishedAt  when results were collected
 * @param error       set by a Catch clause
 * @param failedState set by the Catch path: the state the error happened in
 * @param attempt     0 for the target's first instance; 1 after a spot reclaim moved it to on-demand
 * @param interrupted the instance a spot reclaim took away, when this is the retry
 * @param rounds      a suite with variants: the last round of the command started
 * @param moreRounds  set by "Collect Results" when the rounds measured so far left a comparison
 *                    unsettled and the budget allows more: "Start Benchmark" then measures the next rounds
 * @param readyAt     when "Check Instance" found the instance ready (ISO-8601), for the instance-time account
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetState(
        String runId,
        String deadline,
        PlannedTarget target,
        LaunchedInstance instance,
        Boolean ready,
        String commandId,
        Boolean done,
        Progress progress,
        int checks,
        String startedAt,
        String finishedAt,
        StepError error,
        String failedState,
        int attempt,
        LaunchedInstance interrupted,
        Integer rounds,
        Boolean moreRounds,
        String readyAt) {

    public static TargetState start(String runId, String deadline, PlannedTarget target) {
        return new TargetState(runId, deadline, target, null, null, null, null, null, 0, null, null, null, null, 0, null,
                null, null, null);
    }

    public TargetState withInstance(LaunchedInstance launched) {
        return withInstance(launched, deadline);
    }

    /** Launched, with the deadline the instance was launched with ({@code targetDeadline}, ISO-8601). */
    public TargetState withInstance(LaunchedInstance launched, String targetDeadline) {
        return new TargetState(runId, targetDeadline, target, launched, false, null, null, null, 0, null, null, null,
                null, attempt, interrupted, null, null, null);
    }

    public TargetState withReady(boolean isReady) {
        return withReady(isReady, readyAt);
    }

    /** Checked once more; {@code at} is when it was found ready (ISO-8601), null while it is not. */
    public TargetState withReady(boolean isReady, String at) {
        return new TargetState(runId, deadline, target, instance, isReady, commandId, done, progress, checks + 1,
                startedAt, finishedAt, error, failedState, attempt, interrupted, rounds,
                moreRounds, at);
    }

    public TargetState withCommand(String id, String at) {
        return withCommand(id, at, null);
    }

    /** The benchmark command started at {@code at}; {@code lastRound} null without variants. */
    public TargetState withCommand(String id, String at, Integer lastRound) {
        return new TargetState(runId, deadline, target, instance, ready, id, false, null, 0, at, null, null, null,
                attempt, interrupted, lastRound, null, readyAt);
    }

    /** A command measuring more rounds started; the benchmark's start stays the first command's. */
    public TargetState withMoreRoundsCommand(String id, int lastRound) {
        return new TargetState(runId, deadline, target, instance, ready, id, false, null, 0, startedAt, null, null, null,
                attempt, interrupted, lastRound, null, readyAt);
    }

    public TargetState withBenchmarkStatus(boolean isDone, Progress latest) {
        return new TargetState(runId, deadline, target, instance, ready, commandId, isDone, latest, checks + 1,
                startedAt, finishedAt, error, failedState, attempt, interrupted, rounds,
                moreRounds, readyAt);
    }

    public TargetState withFinishedAt(String at) {
        return new TargetState(runId, deadline, target, instance, ready, commandId, done, progress, checks,
                startedAt, at, error, failedState, attempt, interrupted, rounds,
                moreRounds, readyAt);
    }

    /** True when "Collect Results" asked for more rounds. */
    public boolean moreRoundsWanted() {
        return Boolean.TRUE.equals(moreRounds);
    }

    /** Collected so far; {@code more} asks "Start Benchmark" for the next rounds. */
    public TargetState withRoundsCollected(String at, boolean more) {
        return new TargetState(runId, deadline, target, instance, ready, commandId, done, progress, checks,
                startedAt, at, error, failedState, attempt, interrupted, rounds, more, readyAt);
    }
}
