package dev.cloudbench.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the programs a script calls (packer, aws, curl, apt-get, ...): each records its
 * arguments, one line per call, then runs the body it was given. Put first on PATH with {@link #env()}.
 */
final class Stubs {
    private final Path bin;
    private final Path log;

    Stubs(Path dir) {
        this.bin = dir.resolve("stub-bin");
        this.log = dir.resolve("stub-calls.log");
        try {
            Files.createDirectories(bin);
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a stub {@code name} that logs "name args..." and then runs the shell {@code body}. */
    Stubs add(String name, String body) {
        String script = "#!/bin/sh\nprintf '%s\\n' \"" + name + " $*\" >> '" + log + "'\n" + body + "\n";
        Path file = bin.resolve(name);
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The calls made so far, "name args..." each. */
    List<String> calls() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PATH with the stubs first. */
    Map<String, String> env() {
        return Map.of("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }
}
