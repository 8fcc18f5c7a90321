package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./cloudbench wrapper's class-data-sharing archive, in a clone made here whose CLI jar is a
 * small program that prints its arguments and the JVM options it got, and exits with the code
 * it is given: the first local run writes the archive, the next maps it, a rebuilt jar gets a new
 * one, and an archive that does not match its jar changes nothing a user sees.
 */
class WrapperArchiveTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path clone;
    private Path jar;

    private record Result(int exit, String out, String err, String options) {
    }

    @BeforeEach
    void cloneWithASmallCli() throws Exception {
        Files.copy(ROOT.resolve("cloudbench"), clone.resolve("cloudbench"));
        Files.createDirectories(clone.resolve("scripts"));
        Path hyperfine = Files.createDirectories(clone.resolve("hyperfine-bin"));
        executable(clone.resolve("scripts/prerequisites.sh"), "#!/bin/bash\necho '" + hyperfine + "'\n");
        for (String module : List.of("core", "functions", "cli/src/main/java")) {
            Files.createDirectories(clone.resolve(module));
        }
        Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
        jar = clone.resolve("cli/target/cloudbench-cli-app.jar");
        buildJar("hello");
        // Sources older than the jar: the wrapper does not try to build.
        try (Stream<Path> files = Files.walk(clone)) {
            for (Path p : files.filter(p -> !p.startsWith(clone.resolve("cli/target"))).toList()) {
                Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
            }
        }
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The jar: a Main that prints {@code greeting}, its arguments and the CDS options it was given. */
    private void buildJar(String greeting) throws Exception {
        Path src = Files.createDirectories(clone.resolve("jar-src-" + greeting));
        Files.writeString(src.resolve("Main.java"), """
                public class Main {
                    public static void main(String[] args) throws Exception {
                        if (args.length > 1 && args[1].equals("wait")) {
                            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stopped")));
                            System.out.println("waiting");
                            Thread.sleep(120_000);
                        }
                        System.out.println("%s " + String.join(" ", args));
                        System.err.println(String.join(" ", java.lang.management.ManagementFactory
                                .getRuntimeMXBean().getInputArguments()));
                        System.exit(Integer.parseInt(System.getenv().getOrDefault("EXIT", "0")));
                    }
                }
                """.formatted(greeting));
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", src.toString(), src.resolve("Main.java").toString())).isZero();
        Path manifest = src.resolve("manifest.txt");
        Files.writeString(manifest, "Main-Class: Main\n");
        Files.createDirectories(jar.getParent());
        Files.deleteIfExists(jar);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ToolProvider.findFirst("jar").orElseThrow().run(System.out, new java.io.PrintStream(err),
                "cfm", jar.toString(), manifest.toString(), "-C", src.toString(), "Main.class");
        assertThat(exit).as(err.toString()).isZero();
    }

    private Result cloudbench(int exitCode, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", clone.resolve("cloudbench").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("EXIT", Integer.toString(exitCode));
        pb.environment().remove("CLOUDBENCH_NO_CDS");
        Path out = clone.resolve("out.txt");
        Path err = clone.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                String.join("\n", errLines), errLines.isEmpty() ? "" : errLines.get(errLines.size() - 1));
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.filter(p -> !p.equals(jar) && p.getFileName().toString().startsWith("cloudbench-cli-app"))
                    .toList();
        }
    }

    @Test
    void firstLocalRun_writesTheArchive_andTheNextMapsIt_withTheRunsOutputAndExitCodeUnchanged() throws Exception {
        Result first = cloudbench(5, "local", "suite.json");

        assertThat(first.out()).isEqualTo("hello local suite.json\n");
        assertThat(first.exit()).isEqualTo(5);
        assertThat(first.options()).contains("-XX:ArchiveClassesAtExit=");
        assertThat(archives()).as("one archive, no temporary file left").hasSize(1)
                .allSatisfy(a -> assertThat(a.getFileName().toString()).matches("cloudbench-cli-app-\\d+\\.jsa"));
        Path archive = archives().get(0);
        assertThat(Files.size(archive)).isPositive();

        Result second = cloudbench(0, "local", "suite.json");

        assertThat(second.out()).isEqualTo("hello local suite.json\n");
        assertThat(second.exit()).isZero();
        assertThat(second.options()).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");
        assertThat(second.err()).as("no CDS warnings").isEqualTo(second.options());
    }

    @Test
    void rebuiltJar_theStaleArchiveIsNotUsed_andTheNextLocalRunWritesAFreshOne() throws Exception {
        cloudbench(0, "local", "suite.json");
        Path old = archives().get(0);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(60)));
        buildJar("rebuilt");

        Result other = cloudbench(0, "report", "x");
        assertThat(other.out()).isEqualTo("rebuilt report x\n");
        assertThat(other.options()).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");

        Result local = cloudbench(0, "local", "suite.json");
        assertThat(local.out()).isEqualTo("rebuilt local suite.json\n");
        assertThat(local.options()).contains("-XX:ArchiveClassesAtExit=");
        assertThat(archives()).hasSize(1);
        assertThat(Files.getLastModifiedTime(archives().get(0))).isGreaterThan(Files.getLastModifiedTime(jar));
    }

    @Test
    void archiveThatDoesNotMatchItsJar_orIsNoArchiveAtAll_isIgnoredSilently() throws Exception {
        cloudbench(0, "local", "suite.json");
        Path archive = archives().get(0);
        buildJar("changed");
        // The JVM tells a jar from the one its archive was made with by size and modification time
        // only: a rebuild within the same second to the same size would pass for it. Give the rebuilt
        // jar a time of its own, as any real rebuild has.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(2)));
        // Newer than the jar, so the wrapper hands it over: the JVM finds it does not match (-Xshare:auto).
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(5)));

        Result mismatched = cloudbench(3, "local", "suite.json");
        assertThat(mismatched.options()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(mismatched.out()).isEqualTo("changed local suite.json\n");
        assertThat(mismatched.err()).isEqualTo(mismatched.options());
        assertThat(mismatched.exit()).isEqualTo(3);

        Files.delete(archive);
        Files.writeString(archive, "not an archive");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(5)));
        Result garbage = cloudbench(0, "local", "suite.json");
        assertThat(garbage.out()).isEqualTo("changed local suite.json\n");
        assertThat(garbage.err()).isEqualTo(garbage.options());
        assertThat(garbage.exit()).isZero();
    }

    @Test
    void targetDirectoryNotWritable_runsWithoutAnArchive() throws Exception {
        assertThat(jar.getParent().toFile().setWritable(false)).isTrue();
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(jar.getParent()),
                    "permissions do not bind this user (root)");
            Result r = cloudbench(0, "local", "suite.json");
            assertThat(r.out()).isEqualTo("hello local suite.json\n");
            assertThat(r.exit()).isZero();
            assertThat(r.options()).doesNotContain("ArchiveClassesAtExit");
            assertThat(archives()).isEmpty();
        } finally {
            jar.getParent().toFile().setWritable(true);
        }
    }

    @Test
    void interruptedWhileWritingTheArchive_theJvmStillGetsTheSignal_andNoTemporaryFileIsLeft() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", clone.resolve("cloudbench").toString(), "local", "wait");
        Path out = clone.resolve("out.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(clone.resolve("err.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains("waiting") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(out)).contains("waiting");

        // Ctrl-C as a terminal sends it, to the wrapper: its JVM is a background job that ignores SIGINT.
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();

        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the run stopped").isTrue();
        assertThat(Files.readString(out)).contains("stopped").doesNotContain("hello");
        assertThat(archives()).allSatisfy(a -> assertThat(a.getFileName().toString()).endsWith(".jsa"));
    }

    @Test
    void sourcesNewerThanTheJar_areBuiltFirst() throws Exception {
        Path bin = Files.createDirectories(clone.resolve("fake-bin"));
        executable(bin.resolve("mvn"), "#!/bin/bash\necho \"mvn $*\" > '" + clone.resolve("mvn.log") + "'\nexit 1\n");
        Files.writeString(clone.resolve("cli/src/main/java/Changed.java"), "class Changed {}\n");
        Files.setLastModifiedTime(clone.resolve("cli/src/main/java/Changed.java"),
                FileTime.from(Instant.now().plusSeconds(5)));
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", clone.resolve("cloudbench").toString(), "report", "x");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.redirectErrorStream(true).redirectOutput(clone.resolve("out.txt").toFile()).start();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(4);
        assertThat(Files.readString(clone.resolve("mvn.log"))).startsWith("mvn -B -DskipTests -pl cli -am package");
        assertThat(Files.readString(clone.resolve("out.txt"))).contains("cloudbench: the build failed");
    }
}
