package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.port.LaunchedInstance;
import java.time.Instant;

/**
 * The payload that flows through one target's branch of the Map: each task takes it and returns
 * it with its own part filled in ({@link #toBuilder()}). Times travel as ISO-8601 text, as before
 * they were typed: the state machine's payloads are the same JSON.
 *
 * @param runId       the run
 * @param deadline    the run's deadline until "Launch Instance" sets the target's own
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
 * @param readyAt     when "Check Instance" found the instance ready, for the instance-time account
 * @param waitSeconds how long "Wait For Instance" waits before the next readiness check (a backoff
 *                    set by "Launch Instance" and "Check Instance")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetState(
        String runId,
        Instant deadline,
        PlannedTarget target,
        LaunchedInstance instance,
        Boolean ready,
        String commandId,
        Boolean done,
        Progress progress,
        int checks,
        Instant startedAt,
        Instant finishedAt,
        StepError error,
        String failedState,
        int attempt,
        LaunchedInstance interrupted,
        Integer rounds,
        Boolean moreRounds,
        Instant readyAt,
        Integer waitSeconds) {

    /** A target's state as "Plan Run" hands it out: nothing launched yet. */
    public static TargetState start(String runId, Instant deadline, PlannedTarget target) {
        return new Builder().runId(runId).deadline(deadline).target(target).build();
    }

    /** A copy to change: {@code state.toBuilder().ready(true).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** True when "Collect Results" asked for more rounds. */
    public boolean moreRoundsWanted() {
        return Boolean.TRUE.equals(moreRounds);
    }

    /** The one way to a changed copy of a {@link TargetState}; each setter names the component it sets. */
    public static final class Builder {
        private String runId;
        private Instant deadline;
        private PlannedTarget target;
        private LaunchedInstance instance;
        private Boolean ready;
        private String commandId;
        private Boolean done;
        private Progress progress;
        private int checks;
        private Instant startedAt;
        private Instant finishedAt;
        private StepError error;
        private String failedState;
        private int attempt;
        private LaunchedInstance interrupted;
        private Integer rounds;
        private Boolean moreRounds;
        private Instant readyAt;
        private Integer waitSeconds;

        private Builder() {
        }

        private Builder(TargetState s) {
            runId = s.runId;
            deadline = s.deadline;
            target = s.target;
            instance = s.instance;
            ready = s.ready;
            commandId = s.commandId;
            done = s.done;
            progress = s.progress;
            checks = s.checks;
            startedAt = s.startedAt;
            finishedAt = s.finishedAt;
            error = s.error;
            failedState = s.failedState;
            attempt = s.attempt;
            interrupted = s.interrupted;
            rounds = s.rounds;
            moreRounds = s.moreRounds;
            readyAt = s.readyAt;
            waitSeconds = s.waitSeconds;
        }

        public Builder runId(String value) {
            runId = value;
            return this;
        }

        public Builder deadline(Instant value) {
            deadline = value;
            return this;
        }

        public Builder target(PlannedTarget value) {
            target = value;
            return this;
        }

        public Builder instance(LaunchedInstance value) {
            instance = value;
            return this;
        }

        public Builder ready(Boolean value) {
            ready = value;
            return this;
        }

        /**
         * A new benchmark command: its status, its checks, what was collected and any error start
         * afresh; the benchmark's start and the rounds are the caller's to set.
         */
        public Builder command(String id) {
            commandId = id;
            done = false;
            progress = null;
            checks = 0;
            finishedAt = null;
            error = null;
            failedState = null;
            moreRounds = null;
            return this;
        }

        public Builder done(Boolean value) {
            done = value;
            return this;
        }

        public Builder progress(Progress value) {
            progress = value;
            return this;
        }

        public Builder checks(int value) {
            checks = value;
            return this;
        }

        /** One more status check in the current wait loop. */
        public Builder checked() {
            checks++;
            return this;
        }

        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        public Builder finishedAt(Instant value) {
            finishedAt = value;
            return this;
        }

        public Builder error(StepError value) {
            error = value;
            return this;
        }

        public Builder failedState(String value) {
            failedState = value;
            return this;
        }

        public Builder attempt(int value) {
            attempt = value;
            return this;
        }

        public Builder interrupted(LaunchedInstance value) {
            interrupted = value;
            return this;
        }

        public Builder rounds(Integer value) {
            rounds = value;
            return this;
        }

        public Builder moreRounds(Boolean value) {
            moreRounds = value;
            return this;
        }

        /** When "Check Instance" found the instance ready for commands; null while it is not. */
        public Builder readyAt(Instant value) {
            readyAt = value;
            return this;
        }

        public Builder waitSeconds(Integer value) {
            waitSeconds = value;
            return this;
        }

        public TargetState build() {
            return new TargetState(runId, deadline, target, instance, ready, commandId, done, progress, checks,
                    startedAt, finishedAt, error, failedState, attempt, interrupted, rounds, moreRounds, readyAt, waitSeconds);
        }
    }
}
