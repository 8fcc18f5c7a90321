package dev.cloudbench.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** template.yaml, read once for the tests, with helpers to walk it. */
final class Template {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SHARED = ROOT.resolveSibling("shared");
    /** The schemas the template is validated against, kept in the repository (src/test/resources/schemas/README.md). */
    static final Path SCHEMAS = ROOT.resolve("deploy/src/test/resources/schemas");
    private static JsonNode template;

    private Template() {
    }

    static synchronized JsonNode get() {
        if (template == null) {
            try {
                template = CfnYaml.read(ROOT.resolve("template.yaml"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    static JsonNode resources() {
        return get().path("Resources");
    }

    static List<Map.Entry<String, JsonNode>> resourcesOfType(String type) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        resources().fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    /** Visits every node of the tree with its path. */
    static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, visit);
            }
        }
    }
}
