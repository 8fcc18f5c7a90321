package dev.cloudbench.cli.local;

import dev.cloudbench.cli.engine.MissingPrerequisiteException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a local run needs on this host (JDK, git, setsid, timeout, the engine's Node and npm,
 * hyperfine), checked all at once by scripts/prerequisites.sh before the state machine starts;
 * the same script the ./cloudbench wrapper runs before it builds. It provisions hyperfine without
 * root when it is missing, so the check answers the PATH the run's scripts get.
 */
public final class HostPrerequisites {
    static final String PROBLEM = "cloudbench: missing prerequisite: ";

    /**
     * Set by the ./cloudbench wrapper to the hyperfine directory its run of scripts/prerequisites.sh
     * answered, in the environment it hands the JVM.
     */
    static final String CHECKED = "CLOUDBENCH_PREREQUISITES_CHECKED";

    private HostPrerequisites() {
    }

    private static String prepend(String directory, Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        return path.isEmpty() ? directory : directory + File.pathSeparator + path;
    }

    /**
     * @param home the repository root (holds scripts/prerequisites.sh)
     * @param env  the environment to check, as the run's scripts will inherit it
     * @param log  where the script's notes go (what it fetched, and where)
     * @return the PATH for the run: the hyperfine directory first, then {@code env}'s PATH
     * @throws MissingPrerequisiteException with one line per missing prerequisite
     */
    public static String check(Path home, Map<String, String> env, PrintWriter log) {
        String checked = env.get(CHECKED);
        if (checked != null && !checked.isEmpty() && Files.isExecutable(Path.of(checked, "hyperfine"))) {
            // The ./cloudbench wrapper ran the same script in this environment just before the JVM
            // started: running it again would cost a few hundred milliseconds of every local run.
            return prepend(checked, env);
        }
        Path script = home.resolve("scripts/prerequisites.sh");
        if (!Files.isRegularFile(script)) {
            throw new MissingPrerequisiteException("cannot check this host: " + script + " is missing (an incomplete clone?)");
        }
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectInput(new File("/dev/null"));
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Path err = Files.createTempFile("cloudbench-prerequisites-", ".txt");
            try {
                Process p = pb.redirectError(err.toFile()).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(10, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new MissingPrerequisiteException("checking this host's prerequisites took over 10 minutes");
                }
                List<String> problems = new ArrayList<>();
                for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
                    if (line.startsWith(PROBLEM)) {
                        problems.add(line.substring(PROBLEM.length()));
                    } else if (!line.isBlank()) {
                        log.println(line);
                    }
                }
                log.flush();
                if (p.exitValue() != 0 || out.isEmpty()) {
                    throw new MissingPrerequisiteException(problems.isEmpty()
                            ? List.of(script + " failed (exit code " + p.exitValue() + ")") : problems);
                }
                return prepend(out, env);
            } finally {
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingPrerequisiteException("interrupted while checking this host's prerequisites");
        }
    }

    /**
     * A suite that counts instructions needs a counter on this host: perf's {@code instructions:u}
     * (a hardware counter the kernel may not expose, e.g. in a VM or with a strict
     * {@code perf_event_paranoid}) or Valgrind. Checked the way the instance script chooses, before
     * the engine starts, so that the run is refused rather than failed at its first benchmark.
     *
     * @param path the PATH the run's scripts get ({@link #check}'s answer)
     * @return {@code perf} or {@code callgrind}: the counter the script will choose
     * @throws MissingPrerequisiteException when neither works
     */
    public static String instructionCounter(Map<String, String> env, String path) {
        Map<String, String> withPath = new HashMap<>(env);
        withPath.put("PATH", path);
        if (succeeds(withPath, "perf stat -x, -e instructions:u -- true 2>&1 >/dev/null | grep -q '^[0-9][0-9]*,'")) {
            return "perf";
        }
        if (succeeds(withPath, "valgrind --tool=none -q -- true >/dev/null 2>&1")) {
            return "callgrind";
        }
        throw new MissingPrerequisiteException("the suite counts instructions, but neither perf's instructions:u counter"
                + " nor valgrind works on this host (install valgrind: apt-get install valgrind)");
    }

    private static boolean succeeds(Map<String, String> env, String command) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MissingPrerequisiteException("interrupted while checking this host's instruction counter");
        }
    }
}
