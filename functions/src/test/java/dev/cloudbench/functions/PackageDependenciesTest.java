package dev.cloudbench.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The functions module's packages, read from its sources: which of its packages each one names
 * (by an import or a qualified name), and that those references form no cycle and keep to the
 * order handlers → adapters → wiring → Lambda's entry points.
 */
class PackageDependenciesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "dev.cloudbench.functions";
    /** A class of this module named in code: its package is the lower-case part before the class. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.cloudbench\\.functions(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /** Each package's references to the module's other packages. */
    static Map<String, Set<String>> dependencies(Path sources) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                Set<String> uses = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            uses.add(m.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The cycles of {@code graph}, each as the path that closes it; empty when there is none. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        List<List<String>> found = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            walk(start, graph, new ArrayList<>(), done, found);
        }
        return found;
    }

    private static void walk(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done,
                             List<List<String>> found) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node);
            found.add(cycle);
            return;
        }
        if (done.contains(node)) {
            return;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            walk(next, graph, path, done, found);
        }
        path.remove(path.size() - 1);
        done.add(node);
    }

    @Test
    void thePackagesFormNoCycle() {
        Map<String, Set<String>> graph = dependencies(MAIN);

        assertThat(graph).containsKeys(ROOT, ROOT + ".aws", ROOT + ".handler", ROOT + ".wiring", ROOT + ".lambda");
        assertThat(cycles(graph)).as("package cycles in %s", graph).isEmpty();
    }

    @Test
    void eachPackage_namesOnlyThePackagesBelowIt() {
        Map<String, Set<String>> graph = dependencies(MAIN);

        // Handlers: typed input, one domain call, typed output. They know neither AWS nor the wiring.
        assertThat(graph.get(ROOT + ".handler")).isEmpty();
        // Adapters: the ports record, the run-id suffix; never the wiring, the handlers or Lambda's entry points.
        assertThat(graph.get(ROOT + ".aws")).containsOnly(ROOT);
        // The root: the ports record, the run-id suffix and SnapStart priming, which runs the handler it is given.
        assertThat(graph.get(ROOT)).containsOnly(ROOT + ".handler");
        assertThat(graph.get(ROOT + ".wiring")).containsOnly(ROOT, ROOT + ".aws", ROOT + ".handler");
    }

    @Test
    void theScanner_seesACycle_whenThereIsOne() {
        Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));

        assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c", "a"));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of()))).isEmpty();
    }
}
