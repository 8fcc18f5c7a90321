package dev.cloudbench.core.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * hyperfine for tests that run benchmark scripts, found exactly as {@code cloudbench local} finds
 * it: by scripts/provision-hyperfine.sh, which takes the one on the PATH or provisions the pinned
 * package into the user's cache without root. A machine where that fails fails these tests with
 * the script's one line saying how to install hyperfine; they never skip.
 */
public final class Hyperfine {
    private static Path dir;

    private Hyperfine() {
    }

    /** The directory holding hyperfine, provisioning it on first use. */
    public static synchronized Path dir() {
        if (dir == null) {
            dir = provision();
        }
        return dir;
    }

    /** {@code pb} with hyperfine's directory first on its PATH; returned for chaining. */
    public static ProcessBuilder onPath(ProcessBuilder pb) {
        pb.environment().put("PATH", dir() + File.pathSeparator + pb.environment().getOrDefault("PATH", ""));
        return pb;
    }

    private static Path provision() {
        Path script = repositoryRoot().resolve("scripts/provision-hyperfine.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException("these tests need hyperfine: " + err);
            }
            if (!err.isEmpty()) {
                System.err.println(err); // what was fetched, and where
            }
            return Path.of(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning hyperfine", e);
        }
    }

    private static Path repositoryRoot() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/provision-hyperfine.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("scripts/provision-hyperfine.sh not found above " + Path.of("").toAbsolutePath());
    }
}
