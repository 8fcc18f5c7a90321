package dev.cloudbench.core.service;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.model.Variant;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.rounds.RoundExports;
import dev.cloudbench.core.run.Progress;
import dev.cloudbench.core.script.ScriptOutput;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves what an instance wrote into its inbox ({@code StoreLayout.inbox}) to its target's keys,
 * after checking each object: the instance runs an untrusted suite, so nothing it wrote reaches
 * {@code runs/} or {@code logs/} unchecked. Accepted, relative to the inbox:
 * <ul>
 * <li>{@code progress.json} (at most {@value #SMALL} bytes, a progress line),
 * <li>{@code rounds-stopped.txt} (at most {@value #SMALL} bytes),
 * <li>{@code env/NAME.txt} (at most {@value #TEXT} bytes),
 * <li>{@code raw/canary/before.json} and {@code raw/canary/after.json} when the suite runs the noise canary,
 * <li>{@code raw/BENCHMARK.json} and, with variants, {@code raw/BENCHMARK/round-R-P-VARIANT.json},
 *     for the suite's own benchmarks and variants (at most {@value #EXPORT} bytes, a hyperfine export
 *     the report's reader accepts),
 * <li>{@code logs/…} (the command output SSM writes; at most {@value #LOG} bytes), copied under
 *     {@code logs/RUN/TARGET/}.
 * </ul>
 * Anything else is refused with a one-line reason on standard error (the function's log) and stays
 * in the inbox. Copying is idempotent (an object already copied unchanged is not written again), so
 * every end of a command may copy — success, failure, timeout, reclaim, and the failure path.
 */
final class InboxCopy {
    static final int SMALL = 4 * 1024;
    static final int TEXT = 1024 * 1024;
    static final int EXPORT = 64 * 1024 * 1024;
    static final int LOG = 32 * 1024 * 1024;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_LOG_DEPTH = 8;

    private final ResultStorePort store;
    private final PrintStream log;

    InboxCopy(ResultStorePort store, PrintStream log) {
        this.store = store;
        this.log = log;
    }

    /** Where the scripts on {@code instanceId} upload: its inbox, and nothing else. */
    static ScriptOutput scriptOutput(ResultStorePort store, String instanceId) {
        return new ScriptOutput(store.inbox(instanceId), store.shellUploadFunction());
    }

    /** Where the command output of {@code instanceId} goes: its inbox too (SSM writes it with the instance's role). */
    static String logPrefix(ResultStorePort store, String instanceId) {
        return store.inbox(instanceId) + "logs/";
    }

    /** What one copy did: inbox keys copied (or already there), and one line per refused key. */
    record Report(List<String> copied, List<String> refused) {
    }

    /** Copies the inbox of {@code instanceId} into the keys of {@code runId}/{@code targetId}. */
    Report copy(String runId, String targetId, Suite suite, String instanceId) {
        String inbox = store.inbox(instanceId);
        List<String> copied = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String key : store.list(inbox)) {
            String name = key.substring(inbox.length());
            Optional<byte[]> bytes = store.get(key);
            if (bytes.isEmpty()) {
                continue; // listed, then gone: nothing to copy
            }
            Verdict v = check(runId, targetId, suite, name, bytes.get());
            if (v.reason() != null) {
                String line = "refused " + key + ": " + v.reason();
                refused.add(line);
                log.println("cloudbench: " + line);
                continue;
            }
            boolean same = store.get(v.destination()).map(b -> Arrays.equals(b, bytes.get())).orElse(false);
            if (!same) {
                store.put(v.destination(), bytes.get());
            }
            copied.add(key);
        }
        return new Report(copied, refused);
    }

    /** Where an inbox object goes, or why it does not. */
    private record Verdict(String destination, String reason) {
        static Verdict to(String key) {
            return new Verdict(key, null);
        }

        static Verdict refuse(String reason) {
            return new Verdict(null, reason);
        }
    }

    private static Verdict check(String runId, String targetId, Suite suite, String name, byte[] bytes) {
        String target = StoreLayout.target(runId, targetId);
        String[] parts = name.split("/", -1);
        if (Arrays.stream(parts).anyMatch(p -> !SEGMENT.matcher(p).matches() || p.equals(".") || p.equals(".."))) {
            return Verdict.refuse("not a name a script writes");
        }
        if (parts[0].equals("logs") && parts.length >= 2 && parts.length <= MAX_LOG_DEPTH) {
            return within(bytes, LOG, Verdict.to(StoreLayout.logs(runId, targetId) + name.substring("logs/".length())));
        }
        if (name.equals("progress.json")) {
            Verdict v = within(bytes, SMALL, Verdict.to(StoreLayout.progress(runId, targetId)));
            return v.reason() != null || isProgress(bytes) ? v : Verdict.refuse("not a progress line");
        }
        if (name.equals("rounds-stopped.txt")) {
            return within(bytes, SMALL, Verdict.to(StoreLayout.roundsStopped(runId, targetId)));
        }
        if (parts.length == 2 && parts[0].equals("env") && parts[1].endsWith(".txt")) {
            return within(bytes, TEXT, Verdict.to(target + name));
        }
        if (parts[0].equals("raw")) {
            return export(runId, targetId, suite, parts, bytes);
        }
        return Verdict.refuse("not a name a script writes");
    }

    private static Verdict export(String runId, String targetId, Suite suite, String[] parts, byte[] bytes) {
        Set<String> benchmarks = suite.benchmarks().stream().map(Benchmark::name).collect(Collectors.toSet());
        String destination;
        if (parts.length == 2 && parts[1].endsWith(".json") && !suite.hasVariants()
                && benchmarks.contains(parts[1].substring(0, parts[1].length() - ".json".length()))) {
            destination = StoreLayout.raw(runId, targetId, parts[1].substring(0, parts[1].length() - ".json".length()));
        } else if (parts.length == 3 && suite.hasVariants() && benchmarks.contains(parts[1])
                && RoundExports.parse(parts[2]).filter(p -> suite.variants().stream().map(Variant::name)
                        .anyMatch(p.variant()::equals)).isPresent()) {
            destination = StoreLayout.roundsPrefix(runId, targetId, parts[1]) + parts[2];
        } else if (parts.length == 3 && parts[1].equals("instructions") && parts[2].endsWith(".json")
                && !suite.hasVariants()
                && benchmarks.contains(parts[2].substring(0, parts[2].length() - ".json".length()))) {
            // A benchmark's instruction counts (InstructionCounts in core/script), in the export's shape.
            destination = StoreLayout.rawPrefix(runId, targetId) + "instructions/" + parts[2];
        } else if (parts.length == 4 && suite.hasVariants() && benchmarks.contains(parts[1])
                && parts[2].equals("instructions") && RoundExports.parse(parts[3]).filter(p -> suite.variants().stream()
                        .map(Variant::name).anyMatch(p.variant()::equals)).isPresent()) {
            destination = StoreLayout.roundsPrefix(runId, targetId, parts[1]) + "instructions/" + parts[3];
        } else if (parts.length == 3 && parts[1].equals("canary") && suite.effectiveCanary().on()
                && (parts[2].equals(Canary.BEFORE + ".json") || parts[2].equals(Canary.AFTER + ".json"))) {
            // The noise canary's export (CanaryScript in core/script).
            destination = StoreLayout.canaryExport(runId, targetId, parts[2].substring(0, parts[2].length() - ".json".length()));
        } else {
            return Verdict.refuse("not an export of this suite's benchmarks");
        }
        Verdict v = within(bytes, EXPORT, Verdict.to(destination));
        if (v.reason() != null) {
            return v;
        }
        try {
            HyperfineExport.parse(bytes, String.join("/", parts));
            return v;
        } catch (RuntimeException e) {
            return Verdict.refuse(e.getMessage());
        }
    }

    private static Verdict within(byte[] bytes, int limit, Verdict ok) {
        return bytes.length <= limit ? ok : Verdict.refuse(bytes.length + " bytes, more than the " + limit + " allowed");
    }

    private static boolean isProgress(byte[] bytes) {
        try {
            Progress p = Json.read(bytes, Progress.class);
            return p != null && p.state() != null;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return false;
        }
    }
}
