package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/provision-hyperfine.sh and scripts/prerequisites.sh on a machine made fresh for each
 * test: a PATH holding only the basic tools (no hyperfine, git, java or npm unless a test adds
 * them) and a package source that is a fake apt-get serving a .deb built here with dpkg-deb.
 */
class FreshMachineTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** What the scripts themselves use; everything else is missing on this "machine". */
    private static final List<String> BASICS = List.of("bash", "env", "sed", "grep", "find", "mktemp", "mkdir", "mv",
            "rm", "cp", "dirname", "basename", "tail", "head", "cat", "uname", "tar", "dpkg-deb", "chmod", "ls",
            "gzip", "xz", "zstd", "touch", "readlink");

    @TempDir
    Path dir;
    private Path bin;
    private Path cache;
    private Path aptLog;

    private record Result(int exit, String out, List<String> err) {
    }

    @BeforeEach
    void freshMachine() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        cache = dir.resolve("home/.cache/cloudbench");
        aptLog = dir.resolve("apt.log");
        for (String tool : BASICS) {
            for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                if (Files.isExecutable(Path.of(d, tool)) && !Files.exists(bin.resolve(tool))) {
                    link(tool, Path.of(d, tool));
                }
            }
        }
    }

    /** {@code bin/tool} runs {@code target}: a wrapper, not a symbolic link (JUnit warns about every link it deletes). */
    private void link(String tool, Path target) throws IOException {
        executable(bin.resolve(tool), "#!/bin/bash\nexec '" + target + "' \"$@\"\n");
    }

    private void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A hyperfine package as Debian lays it out, whose binary prints {@code hyperfine VERSION}. */
    private Path deb(String version) throws Exception {
        Path pkg = dir.resolve("pkg-" + version);
        Files.createDirectories(pkg.resolve("DEBIAN"));
        Files.createDirectories(pkg.resolve("usr/bin"));
        Files.writeString(pkg.resolve("DEBIAN/control"), "Package: hyperfine\nVersion: " + version
                + "\nArchitecture: amd64\nMaintainer: test <test@example.org>\nDescription: stand-in\n");
        executable(pkg.resolve("usr/bin/hyperfine"), "#!/bin/sh\necho 'hyperfine " + version.replaceAll("-.*", "") + "'\n");
        Path deb = dir.resolve("hyperfine_" + version + ".deb");
        Process p = new ProcessBuilder("dpkg-deb", "--root-owner-group", "-b", pkg.toString(), deb.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return deb;
    }

    /** apt-get that serves {@code offered} of hyperfine: `download hyperfine[=VERSION]` writes its .deb here. */
    private void aptGetOffering(String offered) throws Exception {
        Path deb = deb(offered);
        executable(bin.resolve("apt-get"), """
                #!/bin/bash
                echo "$*" >> '%s'
                [ "$1" = download ] || exit 100
                shift; [ "$1" = -q ] && shift
                case "$1" in
                  hyperfine|hyperfine='%s') cp '%s' "./hyperfine_%s_amd64.deb" ;;
                  *) echo "E: Version '${1#*=}' for 'hyperfine' was not found" >&2; exit 100 ;;
                esac
                """.formatted(aptLog, offered, deb, offered));
    }

    private Result run(Path script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("HOME", dir.resolve("home").toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8).strip(),
                Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    private Result provision() throws Exception {
        return run(ROOT.resolve("scripts/provision-hyperfine.sh"));
    }

    private List<String> aptCalls() throws IOException {
        return Files.exists(aptLog) ? Files.readAllLines(aptLog) : List.of();
    }

    @Test
    void missingHyperfine_isFetchedAtThePinnedVersion_intoTheUsersCache_withOneLineSayingSo() throws Exception {
        aptGetOffering("1.15.0-2");

        Result r = provision();

        Path home = cache.resolve("hyperfine-1.15.0-2");
        assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
        assertThat(r.out()).isEqualTo(home.resolve("usr/bin").toString());
        assertThat(r.err()).containsExactly("cloudbench: fetched hyperfine 1.15.0-2 with apt-get download (no root) into " + home);
        assertThat(aptCalls()).containsExactly("download -q hyperfine=1.15.0-2");
        Process version = new ProcessBuilder(home.resolve("usr/bin/hyperfine").toString(), "--version").start();
        assertThat(new String(version.getInputStream().readAllBytes())).isEqualTo("hyperfine 1.15.0\n");
        try (var left = Files.list(cache)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no work directories left").containsExactly("hyperfine-1.15.0-2");
        }
    }

    @Test
    void secondRun_usesTheCache_withoutFetchingOrSayingAnything() throws Exception {
        aptGetOffering("1.15.0-2");
        provision();

        Result again = provision();

        assertThat(again.exit()).isZero();
        assertThat(again.out()).isEqualTo(cache.resolve("hyperfine-1.15.0-2/usr/bin").toString());
        assertThat(again.err()).isEmpty();
        assertThat(aptCalls()).hasSize(1);
    }

    @Test
    void distributionWithoutThePinnedVersion_getsItsOwn_andTheLineSaysSo() throws Exception {
        aptGetOffering("1.18.0-1");

        Result r = provision();

        assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
        assertThat(r.out()).isEqualTo(cache.resolve("hyperfine-1.18.0-1/usr/bin").toString());
        assertThat(r.err()).singleElement().asString().contains("fetched hyperfine 1.18.0-1",
                "does not offer the pinned 1.15.0-2");
        assertThat(aptCalls()).containsExactly("download -q hyperfine=1.15.0-2", "download -q hyperfine");
    }

    @Test
    void hyperfineOnThePath_isUsedAsItIs() throws Exception {
        aptGetOffering("1.15.0-2");
        executable(bin.resolve("hyperfine"), "#!/bin/sh\necho 'hyperfine 1.19.0'\n");

        Result r = provision();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(bin.toString());
        assertThat(r.err()).isEmpty();
        assertThat(aptCalls()).isEmpty();
    }

    @Test
    void withoutApt_oneLineSaysHowToInstallIt() throws Exception {
        Result r = provision();

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).singleElement().asString()
                .startsWith("cloudbench: missing prerequisite: hyperfine: ").contains("brew install hyperfine");
    }

    @Test
    void aptWithoutThePackage_oneLineSaysToUpdateOrInstall() throws Exception {
        executable(bin.resolve("apt-get"), "#!/bin/sh\necho \"E: Unable to locate package hyperfine\" >&2\nexit 100\n");

        Result r = provision();

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).singleElement().asString().contains("E: Unable to locate package hyperfine",
                "sudo apt-get update", "sudo apt-get install hyperfine");
    }

    /** A clone of the scripts without statemachine/node_modules: the engine is not installed yet. */
    private Path freshClone() throws IOException {
        Path clone = Files.createDirectories(dir.resolve("clone/scripts"));
        for (String script : List.of("prerequisites.sh", "provision-hyperfine.sh")) {
            Files.copy(ROOT.resolve("scripts").resolve(script), clone.resolve(script));
        }
        return clone.resolve("prerequisites.sh");
    }

    @Test
    void prerequisites_everyMissingOne_isReportedAtOnce_oneLineEachWithItsFix() throws Exception {
        Result r = run(freshClone(), "--build");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).allMatch(l -> l.startsWith("cloudbench: missing prerequisite: "));
        assertThat(r.err()).extracting(l -> l.substring("cloudbench: missing prerequisite: ".length()))
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("JDK 17+: ").contains("apt-get install openjdk-17-jdk"),
                        l -> assertThat(l).startsWith("Maven: ").contains("apt-get install maven"),
                        l -> assertThat(l).startsWith("git: ").contains("apt-get install git"),
                        l -> assertThat(l).startsWith("setsid: ").contains("util-linux"),
                        l -> assertThat(l).startsWith("timeout: ").contains("coreutils"),
                        l -> assertThat(l).startsWith("Node.js 22 and npm: ").contains("apt-get install npm"),
                        l -> assertThat(l).startsWith("hyperfine: ").contains("brew install hyperfine"));
    }

    @Test
    void prerequisites_allPresent_provisionHyperfine_andAnswerItsDirectory() throws Exception {
        aptGetOffering("1.15.0-2");
        for (String tool : List.of("git", "setsid", "timeout")) {
            link(tool, Path.of("/usr/bin", tool));
        }
        link("java", Path.of(System.getProperty("java.home"), "bin", "java"));
        executable(bin.resolve("npm"), "#!/bin/sh\nexit 0\n");

        Result r = run(freshClone());

        assertThat(r.exit()).as(String.join("\n", r.err())).isZero();
        assertThat(r.out()).isEqualTo(cache.resolve("hyperfine-1.15.0-2/usr/bin").toString());
        assertThat(r.err()).singleElement().asString().startsWith("cloudbench: fetched hyperfine 1.15.0-2");
    }
}
