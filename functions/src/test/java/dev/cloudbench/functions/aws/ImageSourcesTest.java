package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ImageSourcesTest {

    /** A zip of {@code files}, in the given order, with the given entry time. */
    static byte[] zip(Map<String, String> files, long time) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setLastModifiedTime(FileTime.fromMillis(time));
                zip.putNextEntry(e);
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Map<String, String> packer(String install) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("image.pkr.hcl", "source \"amazon-ebs\" \"cloudbench\" {}\n");
        files.put("scripts/install-deps.sh", install);
        return files;
    }

    @Test
    void fingerprint_dependsOnContentAndArchitecture_notOnHowTheZipWasMade() {
        ImageSources a = new ImageSources(zip(packer("apt-get install hyperfine\n"), 0));
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("scripts/install-deps.sh", "apt-get install hyperfine\n");
        reordered.put("image.pkr.hcl", "source \"amazon-ebs\" \"cloudbench\" {}\n");
        ImageSources sameFiles = new ImageSources(zip(reordered, 1_700_000_000_000L));
        ImageSources changed = new ImageSources(zip(packer("apt-get install hyperfine git\n"), 0));

        assertThat(a.fingerprint(Architecture.X86_64)).matches("[0-9a-f]{64}")
                .isEqualTo(sameFiles.fingerprint(Architecture.X86_64))
                .isNotEqualTo(a.fingerprint(Architecture.ARM64))
                .isNotEqualTo(changed.fingerprint(Architecture.X86_64));
    }

    @Test
    void fingerprint_failsAsAnImageBuildFailure_whenTheJarHasNoSources() {
        assertThatThrownBy(() -> new ImageSources(new byte[0]).fingerprint(Architecture.ARM64))
                .isInstanceOf(ImageBuildFailedException.class).hasMessageContaining("no image sources");
    }
}
