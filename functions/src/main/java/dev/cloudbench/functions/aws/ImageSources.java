package dev.cloudbench.functions.aws;

import dev.cloudbench.core.error.ImageBuildFailedException;
import dev.cloudbench.core.model.Architecture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Packer sources of the machine image, zipped into the functions jar at build time
 * ({@value #RESOURCE}), and their fingerprint: a SHA-256 over every file's path and content, in path
 * order, and the architecture. The fingerprint depends on what the files say, not on how the zip
 * was made, so an unchanged source tree always maps to the same image.
 */
public final class ImageSources {
    /** Where the build puts the zip inside the jar. */
    public static final String RESOURCE = "/cloudbench/image-sources.zip";

    private final byte[] zip;
    private final Map<String, byte[]> files;

    /** @param zip the zipped sources; an empty array when the jar was built without them */
    public ImageSources(byte[] zip) {
        this.zip = zip.clone();
        this.files = zip.length == 0 ? Map.of() : entries(zip);
    }

    /** The sources packed into this jar; none when packer/ was missing at build time. */
    public static ImageSources fromClasspath() {
        try (InputStream in = ImageSources.class.getResourceAsStream(RESOURCE)) {
            return new ImageSources(in == null ? new byte[0] : in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The zip as CodeBuild gets it. */
    public byte[] zip() {
        requirePresent();
        return zip.clone();
    }

    /** @throws ImageBuildFailedException when the jar holds no image sources */
    public String fingerprint(Architecture architecture) {
        requirePresent();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                update(sha, file.getKey().getBytes(StandardCharsets.UTF_8));
                update(sha, file.getValue());
            }
            update(sha, architecture.id().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Length-prefixed, so that moving bytes between a name and a content changes the digest. */
    private static void update(MessageDigest sha, byte[] bytes) {
        sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    private void requirePresent() {
        if (files.isEmpty()) {
            throw new ImageBuildFailedException("this build of the functions has no image sources ("
                    + RESOURCE + " is missing or empty: packer/ was not there when the jar was built)");
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the image sources are not a readable zip", e);
        }
        return files;
    }
}
