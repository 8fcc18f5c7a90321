package dev.cloudbench.cli.local;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.script.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The result store as a directory: key {@code a/b/c.json} is the file {@code ROOT/a/b/c.json}. */
public final class DirectoryStore implements ResultStorePort {
    private final Path root;

    public DirectoryStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file behind a key; keys that would leave the root are refused. */
    public Path file(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || key.startsWith("/")) {
            throw new IllegalArgumentException("key outside the store: " + key);
        }
        return file;
    }

    @Override
    public void put(String key, byte[] content) {
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            // Write then move, so a reader never sees half a file.
            Path tmp = Files.createTempFile(file.getParent(), ".put-", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(key), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        Path start = file(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        Path dir = Files.isDirectory(start) ? start : start.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix) && !k.contains("/.put-"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Writes standard input beside the target, then renames: a reader polling the store (progress.json
     * is rewritten many times a second by a suite with variants) never sees half a file, as with
     * {@link #put}.
     */
    @Override
    public String shellUploadFunction() {
        String r = Shell.quote(root.toString());
        return "local d; d=\"$(dirname " + r + "/\"$1\")\" && mkdir -p \"$d\" && local t; t=\"$(mktemp \"$d/.put-XXXXXX\")\""
                + " && cat > \"$t\" && mv -f \"$t\" " + r + "/\"$1\"";
    }

    /**
     * A directory like the others: the local "instance" is this host and its suite runs as the caller,
     * so the inbox is the same copy-and-validate step as in AWS, not a boundary of its own.
     */
    @Override
    public String inbox(String instanceId) {
        return StoreLayout.inbox("local:" + instanceId);
    }
}
