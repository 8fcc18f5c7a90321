package dev.cloudbench.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** core is the domain: it must never depend on the AWS SDK, Lambda types or the CLI. */
class DependencyRuleTest {
    private static final List<String> FORBIDDEN = List.of("software.amazon.", "com.amazonaws.", "dev.cloudbench.functions",
            "dev.cloudbench.cli", "picocli.");

    @Test
    void coreImportsNoInfrastructure() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .filter(l -> l.startsWith("import "))
                                    .filter(l -> FORBIDDEN.stream().anyMatch(l::contains))
                                    .map(l -> p + ": " + l);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
