package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packer/scripts/install-packer.sh: only a release zip with the pinned SHA-256 gets installed. */
class InstallPackerScriptTest {
    private static final Path SCRIPT = Repo.PACKER.resolve("scripts/install-packer.sh");
    private static final String OTHER_SHA256 = "0".repeat(64);

    @TempDir
    Path dir;
    private Stubs stubs;
    private Path bin;
    private String zipSha256;

    @BeforeEach
    void releaseZip() throws IOException, NoSuchAlgorithmException {
        assumeTrue(Command.onPath("unzip"), "unzip is not installed (Debian: apt-get install unzip)");
        Path zip = dir.resolve("release.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("packer"));
            z.write("#!/bin/sh\necho 'Packer v9.9.9'\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        zipSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
        bin = Files.createDirectories(dir.resolve("bin"));
        // curl copies the release zip to its --output; uname says x86_64 wherever the test runs.
        stubs = new Stubs(dir)
                .add("curl", "while [ $# -gt 0 ]; do if [ \"$1\" = --output ]; then cp '" + zip + "' \"$2\"; fi; shift; done")
                .add("uname", "echo x86_64");
    }

    private Command.Result install(String amd64Sha256) {
        Map<String, String> env = new HashMap<>(stubs.env());
        env.putAll(Map.of("PACKER_VERSION", "9.9.9", "PACKER_SHA256_LINUX_AMD64", amd64Sha256,
                "PACKER_SHA256_LINUX_ARM64", OTHER_SHA256, "BIN_DIR", bin.toString()));
        return Command.run(dir, List.of("bash", SCRIPT.toString()), env, "");
    }

    @Test
    void releaseWithThePinnedChecksum_isInstalled() {
        Command.Result result = install(zipSha256);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(bin.resolve("packer")).isExecutable();
        assertThat(result.output()).contains("installed Packer v9.9.9");
        assertThat(stubs.calls()).filteredOn(call -> call.startsWith("curl")).singleElement().asString()
                .contains("--proto =https")
                .endsWith("https://releases.hashicorp.com/packer/9.9.9/packer_9.9.9_linux_amd64.zip");
    }

    @Test
    void releaseWithAnotherChecksum_isRefused() {
        Command.Result result = install(OTHER_SHA256);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("checksum mismatch for packer_9.9.9_linux_amd64.zip");
        assertThat(bin.resolve("packer")).doesNotExist();
    }
}
