package dev.cloudbench.core.testing;

import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.port.ResultStorePort;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The result store as a sorted map, for tests of services. */
public final class InMemoryStore implements ResultStorePort {
    private final TreeMap<String, byte[]> objects = new TreeMap<>();

    @Override
    public void put(String key, byte[] content) {
        objects.put(key, content.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public String shellUploadFunction() {
        return "false";
    }

    /** The inbox of a local-style principal, as {@code DirectoryStore} names it. */
    @Override
    public String inbox(String instanceId) {
        return StoreLayout.inbox("local:" + instanceId);
    }

    public String text(String key) {
        return get(key).map(b -> new String(b, StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError("no " + key));
    }

    public void putText(String key, String text) {
        put(key, text.getBytes(StandardCharsets.UTF_8));
    }
}
