package dev.cloudbench.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository these tests check, found from the module's working directory. */
final class Repo {
    static final Path ROOT = findRoot();
    static final Path PACKER = ROOT.resolve("packer");

    private Repo() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return ROOT.relativize(file.toAbsolutePath()).toString();
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("packer"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml beside packer/) above " + Path.of("").toAbsolutePath());
    }
}
