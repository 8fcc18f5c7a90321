package dev.cloudbench.cli.cloud;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.core.error.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How a cloud run's execution stands or ended, for people and as an exit code. */
public final class ExecutionEnd {
    /** The error of the state machine's "Targets Failed" state: the run finished, some targets failed. */
    public static final String TARGETS_FAILED = "cloudbench.TargetsFailed";

    private final String runId;
    private final Execution execution;

    public ExecutionEnd(String runId, Execution execution) {
        this.runId = runId;
        this.execution = execution;
    }

    public boolean running() {
        return execution.running();
    }

    public boolean targetsFailed() {
        return execution.status() == Execution.Status.FAILED && TARGETS_FAILED.equals(execution.error());
    }

    /**
     * 0 while running or after success, 5 when some targets failed, 2 when Plan Run refused the
     * request (before anything was built or launched), 1 for any other end.
     */
    public int exitCode() {
        if (running() || execution.status() == Execution.Status.SUCCEEDED) {
            return ExitCodes.OK;
        }
        if (execution.status() == Execution.Status.FAILED && BadInputException.class.getName().equals(execution.error())) {
            return ExitCodes.BAD_INPUT;
        }
        return targetsFailed() ? ExitCodes.TARGETS_FAILED : ExitCodes.RUN_FAILED;
    }

    /** One line: the status, how long, and why it failed. */
    public String summary(Instant now) {
        Instant start = execution.start();
        Instant end = execution.stop() == null ? now : execution.stop();
        String took = start == null ? "" : " " + (running() ? "for " : "in ") + duration(Duration.between(start, end));
        String cause = execution.cause() == null ? "" : ": " + execution.cause();
        return switch (execution.status()) {
            case RUNNING -> "Run " + runId + " is running" + took;
            case SUCCEEDED -> "Run " + runId + " succeeded" + took;
            case ABORTED -> "Run " + runId + " was stopped" + took + cause;
            case TIMED_OUT -> "Run " + runId + " timed out" + took + cause;
            default -> targetsFailed() ? "Run " + runId + " finished" + took + ", but some targets failed" + cause
                    : "Run " + runId + " failed" + took + " (" + execution.error() + ")" + cause;
        };
    }

    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
