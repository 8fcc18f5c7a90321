package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shell script in the repository passes shellcheck (Debian package: shellcheck). */
class ShellScriptsTest {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", "cloudbench-results");
    private static final Pattern SHELL_SHEBANG = Pattern.compile("^#!\\s*(/usr)?/bin/(env\\s+)?(ba|da)?sh\\b");

    /** Files named *.sh, and files without that suffix whose first line starts a POSIX shell or bash. */
    static List<Path> shellScripts() {
        List<Path> scripts = new ArrayList<>();
        try {
            Files.walkFileTree(Repo.ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && (file.getFileName().toString().endsWith(".sh") || startsAShell(file))) {
                        scripts.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts.stream().sorted().toList();
    }

    private static boolean startsAShell(Path file) {
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(128), StandardCharsets.UTF_8);
            return SHELL_SHEBANG.matcher(head).find();
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void scriptDiscovery_findsTheWrapperCiEntryPointAndImageScripts() {
        assertThat(shellScripts()).map(Repo::relative).contains(
                "cloudbench",
                ".ci/run",
                "packer/scripts/install-deps.sh",
                "packer/scripts/build-image.sh",
                "scripts/orchestration-overhead.sh");
    }

    @TestFactory
    Stream<DynamicTest> everyShellScript_passesShellcheck() {
        assumeTrue(Command.onPath("shellcheck"), "shellcheck is not installed (Debian: apt-get install shellcheck)");
        return shellScripts().stream().map(script -> DynamicTest.dynamicTest(Repo.relative(script), () -> {
            Command.Result result = Command.run(Repo.ROOT, List.of("shellcheck", "--format=gcc", Repo.relative(script)));
            assertThat(result.exitCode())
                    .as("shellcheck %s:%n%s", Repo.relative(script), result.output())
                    .isZero();
        }));
    }
}
