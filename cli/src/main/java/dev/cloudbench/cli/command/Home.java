package dev.cloudbench.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, which holds statemachine/ (the definition and the local engine). */
final class Home {
    private Home() {
    }

    /**
     * The {@code cloudbench.home} system property (set by the ./cloudbench wrapper), else the
     * {@code CLOUDBENCH_HOME} variable, else the nearest directory above the working directory
     * that holds statemachine/benchmark.asl.json.
     */
    static Path locate() {
        String property = System.getProperty("cloudbench.home");
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv("CLOUDBENCH_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("statemachine/benchmark.asl.json"))) {
                return dir;
            }
        }
        throw new dev.cloudbench.cli.engine.MissingPrerequisiteException("cannot find the cloudbench repository"
                + " (statemachine/benchmark.asl.json): run ./cloudbench from its clone or set CLOUDBENCH_HOME");
    }
}
