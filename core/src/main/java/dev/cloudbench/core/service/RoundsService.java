package dev.cloudbench.core.service;

import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.rounds.RoundExports;
import dev.cloudbench.core.rounds.RoundPlan;
import dev.cloudbench.core.rounds.RoundsDecision;
import dev.cloudbench.core.rounds.VariantAnalysis;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.script.RoundsScript;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rounds of a suite with variants, between "Check Benchmark" and "Start Benchmark": after each
 * command, look at the rounds measured ({@link RoundsDecision}) and either stop or start the next
 * rounds on the same instance. What each look decided is kept in {@code rounds.json}.
 */
final class RoundsService {
    private final RemoteShellPort shell;
    private final ResultStorePort store;
    private final Clock clock;
    private final Bootstrap bootstrap;

    RoundsService(RemoteShellPort shell, ResultStorePort store, Clock clock, Bootstrap bootstrap) {
        this.shell = shell;
        this.store = store;
        this.clock = clock;
        this.bootstrap = bootstrap;
    }

    /**
     * Starts the command for the rounds after {@code state.rounds()}; a retry whose first answer was
     * lost finds the command it started.
     */
    TargetState startMore(TargetState state, Suite suite) {
        String targetId = state.target().targetId();
        String instanceId = state.instance().instanceId();
        RoundPlan plan = RoundPlan.of(suite, state.runId(), targetId);
        int from = state.rounds() + 1;
        int to = plan.nextLook(state.rounds());
        String marker = StoreLayout.commandFromRound(state.runId(), targetId, from);
        Optional<BenchmarkService.StartedCommand> started = RunRecords.command(store, marker)
                .filter(c -> c.instanceId().equals(instanceId));
        if (started.isPresent()) {
            return state.toBuilder().command(started.get().commandId()).rounds(to).build();
        }
        String script = RoundsScript.more(suite, state.runId(), targetId, InboxCopy.scriptOutput(store, instanceId),
                from, to);
        String commandId = shell.start(instanceId, script, secondsLeft(state, suite),
                InboxCopy.logPrefix(store, instanceId) + "round-" + from + "/");
        store.put(marker, Json.writePretty(new BenchmarkService.StartedCommand(instanceId, commandId,
                clock.instant().toString())));
        return state.toBuilder().command(commandId).rounds(to).build();
    }

    /**
     * Checks that every planned round left an export for every benchmark and variant, looks at them,
     * and records the decision.
     *
     * @throws ResultsMissingException a round's export is missing
     */
    TargetState collect(TargetState state, Suite suite, Instant finishedAt) {
        String targetId = state.target().targetId();
        boolean timeBudgetUsed = store.get(StoreLayout.roundsStopped(state.runId(), targetId)).isPresent();
        List<BenchmarkResult> results = new ArrayList<>();
        int completed = Integer.MAX_VALUE;
        for (Benchmark b : suite.benchmarks()) {
            RoundExports.Merged merged = RoundExports.merge(store, state.runId(), targetId, suite, b, bootstrap);
            if (!merged.missing().isEmpty()) {
                throw new ResultsMissingException("benchmark '" + b.name() + "' left no result for "
                        + String.join(", ", merged.missing()));
            }
            completed = Math.min(completed, completeRounds(state, suite, b));
            results.addAll(merged.results());
        }
        int planned = state.rounds();
        if (!timeBudgetUsed && completed < planned) {
            throw new ResultsMissingException("the rounds ended after round " + completed + " of " + planned
                    + " without a reason: an export is missing");
        }
        PairedRules rules = VariantAnalysis.rules(suite);
        RoundsRecord previous = store.get(StoreLayout.rounds(state.runId(), targetId))
                .map(b -> Json.read(b, RoundsRecord.class))
                .orElseGet(() -> RoundsDecision.firstRecord(RoundPlan.of(suite, state.runId(), targetId),
                        suite.variants().stream().map(Variant::name).toList(), rules));
        RoundsDecision decision = RoundsDecision.at(previous, results, completed, timeBudgetUsed,
                timeForMore(state, suite), rules, bootstrap);
        store.put(StoreLayout.rounds(state.runId(), targetId), Json.writePretty(decision.record()));
        return state.toBuilder().finishedAt(finishedAt).moreRounds(decision.moreRounds()).build();
    }

    /** How many rounds, from the first, every variant of {@code benchmark} has an export for. */
    private int completeRounds(TargetState state, Suite suite, Benchmark benchmark) {
        String prefix = StoreLayout.roundsPrefix(state.runId(), state.target().targetId(), benchmark.name());
        Map<String, TreeSet<Integer>> rounds = new TreeMap<>();
        suite.variants().forEach(v -> rounds.put(v.name(), new TreeSet<>()));
        for (String key : store.list(prefix)) {
            RoundExports.parse(key.substring(prefix.length())).filter(p -> rounds.containsKey(p.variant()))
                    .ifPresent(p -> rounds.get(p.variant()).add(p.round()));
        }
        int complete = 0;
        while (true) {
            int next = complete + 1;
            if (!rounds.values().stream().allMatch(r -> r.contains(next))) {
                return complete;
            }
            complete = next;
        }
    }

    /**
     * Whether another command fits: the suite's timeout counts from the first command, and the run's
     * deadline must leave at least as long as the last command took.
     */
    private boolean timeForMore(TargetState state, Suite suite) {
        if (secondsLeft(state, suite) < 1) {
            return false;
        }
        Instant now = clock.instant();
        Instant lastStart = lastCommandStart(state).orElse(state.startedAt());
        Duration lastCommand = Duration.between(lastStart, now);
        return state.deadline().isAfter(now.plus(lastCommand));
    }

    private int secondsLeft(TargetState state, Suite suite) {
        long used = Duration.between(state.startedAt(), clock.instant()).getSeconds();
        return (int) Math.max(0, suite.effectiveTimeoutSeconds() - used);
    }

    private Optional<Instant> lastCommandStart(TargetState state) {
        String targetId = state.target().targetId();
        return store.list(StoreLayout.target(state.runId(), targetId)).stream()
                .filter(k -> k.startsWith(StoreLayout.target(state.runId(), targetId) + "command"))
                .map(k -> RunRecords.command(store, k))
                .flatMap(Optional::stream)
                .filter(c -> c.commandId().equals(state.commandId()))
                .map(c -> Instant.parse(c.startedAt()))
                .findFirst();
    }
}
