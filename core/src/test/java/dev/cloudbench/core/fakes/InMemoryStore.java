package dev.cloudbench.core.fakes;

import dev.cloudbench.core.port.ResultStorePort;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A result store in memory. */
public final class InMemoryStore implements ResultStorePort {
    public final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

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
        return "true";
    }

    public void putText(String key, String text) {
        put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    public String text(String key) {
        return new String(objects.get(key), StandardCharsets.UTF_8);
    }
}
