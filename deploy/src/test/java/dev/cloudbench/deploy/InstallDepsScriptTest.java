package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** packer/scripts/install-deps.sh: its pins, and its refusal to build one architecture on the other's machine. */
class InstallDepsScriptTest {
    private static final Path SCRIPT = Repo.PACKER.resolve("scripts/install-deps.sh");
    private static final String TEXT = Repo.read(SCRIPT);

    @TempDir
    Path dir;

    /** NAME=value assignments at the start of a line, in order. */
    private static Map<String, String> assignments() {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=([^\\s#(]+)").matcher(TEXT);
        while (m.find()) {
            values.put(m.group(1), m.group(2));
        }
        return values;
    }

    @Test
    void everyDownloadedTool_hasAPinnedVersion_andAChecksumPerArchitecture() {
        Map<String, String> pins = assignments();

        assertThat(pins).containsEntry("ZIG_VERSION", "0.14.1");
        for (String tool : List.of("ZIG", "RUSTUP", "GO", "NODE", "BUN", "HYPERFINE")) {
            assertThat(pins.get(tool + "_VERSION")).as(tool + "_VERSION").matches("\\d+\\.\\d+\\.\\d+");
            assertThat(pins.get(tool + "_SHA256_X86_64")).as(tool + "_SHA256_X86_64").matches("[0-9a-f]{64}");
            assertThat(pins.get(tool + "_SHA256_AARCH64")).as(tool + "_SHA256_AARCH64").matches("[0-9a-f]{64}");
        }
        assertThat(pins.get("RUST_TOOLCHAIN")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(pins.get("AWSCLI_VERSION")).matches("2\\.\\d+\\.\\d+");
        assertThat(pins.get("AWSCLI_KEY_FINGERPRINT")).isEqualTo("FB5DB77FD5C118B80511ADA8A6310ACC4672475C");
    }

    @Test
    void script_startsStrict() {
        assertThat(TEXT).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
    }

    @ParameterizedTest(name = "CLOUDBENCH_ARCHITECTURE={0}")
    @CsvSource({"other, asked for", "aarch64, must be x86_64 or arm64", "i386, must be x86_64 or arm64"})
    void buildForAnotherArchitecture_isRefusedBeforeTouchingTheMachine(String requested, String message) {
        // "other": whichever of x86_64 / arm64 this machine is not.
        String architecture = requested.equals("other")
                ? (System.getProperty("os.arch").contains("aarch64") ? "x86_64" : "arm64")
                : requested;
        // Should the guard ever fail, nothing may reach the package manager, the network or systemd.
        Stubs stubs = new Stubs(dir);
        for (String tool : List.of("apt-get", "curl", "snap", "systemctl", "tar", "unzip", "gpg")) {
            stubs.add(tool, "exit 97");
        }
        Map<String, String> env = new HashMap<>(stubs.env());
        env.put("CLOUDBENCH_ARCHITECTURE", architecture);

        Command.Result result = Command.run(dir, List.of("bash", SCRIPT.toString()), env, "");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains(message);
        assertThat(stubs.calls()).isEmpty();
    }
}
