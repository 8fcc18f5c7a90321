package dev.cloudbench.core.script;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Whether the tests that run generated scripts can measure: hyperfine anywhere on PATH. */
final class Hyperfine {
    private Hyperfine() {
    }

    static boolean onPath() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, "hyperfine")));
    }
}
