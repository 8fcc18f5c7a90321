package dev.cloudbench.core.service;

import dev.cloudbench.core.error.BenchmarkFailedException;
import dev.cloudbench.core.error.CommandTimedOutException;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.results.Interruption;
import dev.cloudbench.core.run.Progress;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.rounds.RoundPlan;
import dev.cloudbench.core.script.BenchmarkScript;
import dev.cloudbench.core.stats.Bootstrap;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "Start Benchmark", "Check Benchmark" and "Collect Results". */
public final class BenchmarkService {
    private final RemoteShellPort shell;
    private final FleetPort fleet;
    private final ResultStorePort store;
    private final Clock clock;
    private final RoundsService rounds;
    private final InboxCopy inbox;

    public BenchmarkService(RemoteShellPort shell, FleetPort fleet, ResultStorePort store, Clock clock) {
        this(shell, fleet, store, clock, Bootstrap.standard());
    }

    /** @param bootstrap the intervals the rounds of a suite with variants are judged by (the reports' own) */
    public BenchmarkService(RemoteShellPort shell, FleetPort fleet, ResultStorePort store, Clock clock,
                            Bootstrap bootstrap) {
        this.shell = shell;
        this.fleet = fleet;
        this.store = store;
        this.clock = clock;
        this.inbox = new InboxCopy(store, System.err);
        this.rounds = new RoundsService(shell, store, clock, bootstrap);
    }

    /**
     * Starts the suite's script on the instance — or, when "Collect Results" asked for more rounds of
     * a suite with variants, the command for the next rounds. A retry whose first answer was lost
     * finds the command it started (recorded in the store) instead of starting a second one beside it.
     */
    public TargetState start(TargetState state) {
        if (state.moreRoundsWanted()) {
            return rounds.startMore(state, RunRecords.request(store, state.runId()).suite());
        }
        String targetId = state.target().targetId();
        String instanceId = state.instance().instanceId();
        String marker = StoreLayout.command(state.runId(), targetId);
        Optional<StartedCommand> started = RunRecords.command(store, marker)
                .filter(c -> c.instanceId().equals(instanceId));
        Suite suite = RunRecords.request(store, state.runId()).suite();
        Integer lastRound = suite.hasVariants() ? RoundPlan.of(suite, state.runId(), targetId).firstLook() : null;
        if (started.isPresent()) {
            return state.toBuilder().command(started.get().commandId()).startedAt(Instant.parse(started.get().startedAt()))
                    .rounds(lastRound).build();
        }
        if (state.interrupted() != null) {
            // Again, in case the check that saw the reclaim ended before the lost instance's last uploads.
            inbox.copy(state.runId(), targetId, suite, state.interrupted().instanceId());
            suite = remainingAfterInterruption(state, suite);
        }
        String script = BenchmarkScript.generate(suite, state.runId(), targetId,
                InboxCopy.scriptOutput(store, instanceId));
        String commandId = shell.start(instanceId, script, suite.effectiveTimeoutSeconds(),
                InboxCopy.logPrefix(store, instanceId));
        Instant startedAt = clock.instant();
        store.put(marker, Json.writePretty(new StartedCommand(instanceId, commandId, startedAt.toString())));
        return state.toBuilder().command(commandId).startedAt(startedAt).rounds(lastRound).build();
    }

    /**
     * After a spot reclaim: records which benchmarks the lost instance measured (they are kept)
     * and returns the suite with only the others, for the on-demand instance to run.
     */
    private Suite remainingAfterInterruption(TargetState state, Suite suite) {
        String targetId = state.target().targetId();
        List<String> measured = new ArrayList<>();
        List<Benchmark> remaining = new ArrayList<>();
        for (Benchmark b : suite.benchmarks()) {
            if (store.get(StoreLayout.raw(state.runId(), targetId, b.name())).isPresent()) {
                measured.add(b.name());
            } else {
                remaining.add(b);
            }
        }
        LaunchedInstance lost = state.interrupted();
        store.put(StoreLayout.interruption(state.runId(), targetId), Json.writePretty(new Interruption(
                lost.instanceId(), lost.market(), lost.zone(), measured, clock.instant().toString())));
        return new Suite(suite.name(), suite.description(), suite.repository(), suite.setup(), suite.warmup(),
                suite.runs(), suite.timeoutSeconds(), remaining, suite.variants(), suite.rounds(), suite.metrics(),
                suite.canary());
    }

    /** What {@link #start} records, so that a retried start is a no-op. */
    record StartedCommand(String instanceId, String commandId, String startedAt) {
    }

    /**
     * Copies what the target's instance wrote into the target's keys ({@link InboxCopy}); every end of
     * a command calls it, and "Terminate After Failure" does too.
     */
    public void copyInbox(TargetState state) {
        if (state.instance() == null) {
            return;
        }
        Suite suite = RunRecords.request(store, state.runId()).suite();
        inbox.copy(state.runId(), state.target().targetId(), suite, state.instance().instanceId());
    }

    /**
     * @throws BenchmarkFailedException     setup or a benchmark exited non-zero
     * @throws CommandTimedOutException     a benchmark or the suite passed its timeout, or the run
     *                                      passed its deadline
     * @throws InstanceInterruptedException the instance went away during the run
     */
    public TargetState check(TargetState state) {
        String instanceId = state.instance().instanceId();
        CommandStatus status = shell.status(instanceId, state.commandId());
        Progress progress = progress(state).orElse(null);
        String where = where(progress);
        if (status.state() == CommandStatus.State.PENDING || status.state() == CommandStatus.State.RUNNING) {
            // SSM keeps a command InProgress for a while after its instance was reclaimed: the
            // instance's own state says so at once (shutting-down or terminated with
            // Server.SpotInstanceTermination, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StateReason.html).
            InstanceStatus instance = fleet.describe(instanceId);
            if (instance.state() == InstanceStatus.State.INTERRUPTED
                    || instance.state() == InstanceStatus.State.TERMINATED) {
                copyInbox(state);
                throw gone(instanceId, instance, where);
            }
            if (clock.instant().isAfter(state.deadline())) {
                copyInbox(state);
                throw new CommandTimedOutException("run deadline " + state.deadline() + " passed during " + where);
            }
            return state.toBuilder().done(false).progress(progress).checked().build();
        }
        copyInbox(state);
        switch (status.state()) {
            case SUCCEEDED -> {
                return state.toBuilder().done(true).progress(progress).checked().build();
            }
            case TIMED_OUT -> throw new CommandTimedOutException("suite timeout of "
                    + RunRecords.request(store, state.runId()).suite().effectiveTimeoutSeconds() + " s reached during "
                    + where);
            case CANCELLED -> {
                InstanceStatus instance = fleet.describe(instanceId);
                if (instance.state() == InstanceStatus.State.INTERRUPTED
                        || instance.state() == InstanceStatus.State.TERMINATED) {
                    throw gone(instanceId, instance, where);
                }
                throw new BenchmarkFailedException("the benchmark command was cancelled during " + where);
            }
            default -> throw failure(state, status, progress, where);
        }
    }

    private static InstanceInterruptedException gone(String instanceId, InstanceStatus instance, String where) {
        return new InstanceInterruptedException("instance " + instanceId + " went away during " + where
                + (instance.reason() == null ? "" : " (" + instance.reason() + ")"));
    }

    private RuntimeException failure(TargetState state, CommandStatus status, Progress progress, String where) {
        String detail = lastLine(status.stderrTail());
        if (progress != null && "timed-out".equals(progress.state())) {
            Suite suite = RunRecords.request(store, state.runId()).suite();
            Integer limit = suite.benchmarks().stream().filter(b -> b.name().equals(progress.current()))
                    .map(Benchmark::timeoutSeconds).findFirst().orElse(null);
            return new CommandTimedOutException("benchmark '" + progress.current() + "' exceeded its timeout"
                    + (limit == null ? "" : " of " + limit + " s"));
        }
        return new BenchmarkFailedException(where + " failed with exit code " + status.exitCode()
                + (detail.isEmpty() ? "" : ": " + detail));
    }

    /**
     * Checks that every benchmark left a hyperfine export, and writes environment.json. For a suite
     * with variants: checks every round's exports, looks at the rounds, and sets
     * {@link TargetState#moreRoundsWanted()} when more rounds are needed and the budget allows them.
     *
     * @throws ResultsMissingException a benchmark's export is missing or unreadable
     */
    public TargetState collect(TargetState state) {
        Suite suite = RunRecords.request(store, state.runId()).suite();
        if (suite.hasVariants()) {
            Instant finishedAt = clock.instant();
            TargetState collected = rounds.collect(state, suite, finishedAt);
            writeEnvironment(collected, finishedAt.toString());
            return collected;
        }
        String targetId = state.target().targetId();
        for (Benchmark b : suite.benchmarks()) {
            String key = StoreLayout.raw(state.runId(), targetId, b.name());
            byte[] export = store.get(key).orElseThrow(() -> new ResultsMissingException(
                    "benchmark '" + b.name() + "' left no result at " + key));
            HyperfineExport.parse(export, key);
        }
        Instant finishedAt = clock.instant();
        writeEnvironment(state, finishedAt.toString());
        return state.toBuilder().finishedAt(finishedAt).build();
    }

    /** Writes environment.json from whatever the instance reported; used after failures too. */
    public void writeEnvironment(TargetState state, String finishedAt) {
        store.put(StoreLayout.environment(state.runId(), state.target().targetId()),
                Json.writePretty(EnvironmentReader.read(store, state, finishedAt)));
    }

    /**
     * The script's last progress line, read from the instance's inbox while the command runs; none
     * while it is being rewritten (a store without atomic writes) or when it is not a progress line.
     */
    private Optional<Progress> progress(TargetState state) {
        Optional<byte[]> bytes = store.get(store.inbox(state.instance().instanceId()) + "progress.json")
                .filter(b -> b.length <= InboxCopy.SMALL);
        try {
            return bytes.map(b -> Json.read(b, Progress.class));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static String where(Progress p) {
        if (p == null || "setup".equals(p.current()) || p.current() == null || p.current().isEmpty()) {
            return p == null ? "start-up" : "setup";
        }
        if (p.inRound()) {
            return "benchmark '" + p.current() + "' (variant " + p.variant() + ", round " + p.round() + " of " + p.total()
                    + ")";
        }
        return "benchmark '" + p.current() + "' (" + Math.min(p.completed() + 1, p.total()) + " of " + p.total() + ")";
    }

    private static String lastLine(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }
}
