package dev.cloudbench.core.service;

import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.run.TargetState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a target's environment.json from what its instance reported (env/*.txt, the canary's
 * exports) and the fleet's data.
 */
final class EnvironmentReader {
    private EnvironmentReader() {
    }

    static Environment read(ResultStorePort store, TargetState state, String finishedAt) {
        String prefix = StoreLayout.envPrefix(state.runId(), state.target().targetId());
        Optional<String> lscpu = text(store, prefix + "lscpu.txt");
        String cpuModel = lscpu.flatMap(t -> field(t, "Model name")).orElse(null);
        Integer cores = text(store, prefix + "nproc.txt").map(String::strip).filter(s -> s.matches("[0-9]+"))
                .map(Integer::valueOf).orElse(null);
        String kernel = text(store, prefix + "uname.txt").map(String::strip).orElse(null);
        String os = text(store, prefix + "os-release.txt").flatMap(t -> osName(t)).orElse(null);
        String hyperfine = text(store, prefix + "hyperfine.txt").map(String::strip)
                .map(s -> s.startsWith("hyperfine ") ? s.substring("hyperfine ".length()) : s).orElse(null);
        String commit = text(store, prefix + "commit.txt").map(String::strip).orElse(null);
        Map<String, String> variantCommits = new TreeMap<>();
        for (String key : store.list(prefix + "commit-")) {
            String file = key.substring(prefix.length());
            if (file.endsWith(".txt")) {
                text(store, key).map(String::strip).filter(c -> !c.isEmpty()).ifPresent(c -> variantCommits.put(
                        file.substring("commit-".length(), file.length() - ".txt".length()), c));
            }
        }
        String counter = text(store, prefix + "counter.txt").map(String::strip).filter(c -> !c.isEmpty()).orElse(null);
        var instance = state.instance();
        Double price = instance == null ? null : instance.pricePerHour();
        String priceSource = price == null ? null
                : "spot".equals(instance.market()) ? "spot price at launch" : instance.market() + " price at launch";
        return new Environment(state.target().architecture().id(), state.target().instanceType(),
                instance == null ? null : instance.market(), instance == null ? null : instance.zone(),
                instance == null ? null : instance.instanceId(), instance == null ? null : instance.imageId(),
                cpuModel, cores, kernel, os, hyperfine, commit, instance == null ? null : instance.launchedAt(),
                price, priceSource, state.startedAt() == null ? null : state.startedAt().toString(), finishedAt,
                variantCommits, state.readyAt() == null ? null : state.readyAt().toString(), counter,
                canary(store, state.runId(), state.target().targetId()));
    }

    /**
     * The noise canary from its exports and the script's notes of a pass that failed; null when the
     * instance left neither (the suite turned it off, or the script never reached it: Publish Report
     * tells the two apart by the suite).
     */
    static Canary canary(ResultStorePort store, String runId, String targetId) {
        List<String> notes = new ArrayList<>();
        HyperfineExport before = canaryExport(store, runId, targetId, Canary.BEFORE, notes);
        HyperfineExport after = canaryExport(store, runId, targetId, Canary.AFTER, notes);
        if (before == null && after == null && notes.isEmpty()) {
            return null;
        }
        return Canary.of(before, after, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static HyperfineExport canaryExport(ResultStorePort store, String runId, String targetId, String pass,
                                                List<String> notes) {
        text(store, StoreLayout.envPrefix(runId, targetId) + "canary-" + pass + ".txt")
                .flatMap(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()).ifPresent(notes::add);
        String key = StoreLayout.canaryExport(runId, targetId, pass);
        Optional<byte[]> bytes = store.get(key);
        if (bytes.isEmpty()) {
            return null;
        }
        try {
            return HyperfineExport.parse(bytes.get(), key);
        } catch (ResultsMissingException e) {
            notes.add(e.getMessage());
            return null;
        }
    }

    private static Optional<String> text(ResultStorePort store, String key) {
        return store.get(key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static Optional<String> field(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst();
    }

    private static Optional<String> osName(String osRelease) {
        return osRelease.lines().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "").strip()).findFirst();
    }
}
