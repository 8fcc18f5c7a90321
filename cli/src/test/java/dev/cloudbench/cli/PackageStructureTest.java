package dev.cloudbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
 * The CLI's packages point one way, read from its sources (imports and fully qualified names): the
 * root package is the entry point on top and nothing below imports it back, no two packages reach
 * each other through any chain, and the commands reach AWS only through {@code cloud/}.
 */
class PackageStructureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev.cloudbench.cli";
    /** A class of the CLI named in code: the package, then the class (its first capital). */
    private static final Pattern CLI_CLASS = Pattern.compile("\\bdev\\.cloudbench\\.cli((?:\\.[a-z_][a-z0-9_]*)*)\\.([A-Z]\\w*)");

    @Test
    void noPackageOfTheCli_importsTheRootPackage() throws IOException {
        List<String> upward = new ArrayList<>();
        references().forEach((from, targets) -> {
            for (String target : targets) {
                String pkg = packageOf(target);
                if (pkg.equals(ROOT) && !packageOf(from).equals(ROOT)) {
                    upward.add(from + " -> " + target);
                }
            }
        });
        assertThat(upward).as("classes below the entry point that import it back").isEmpty();
    }

    @Test
    void theCliHasNoPackageCycle() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        references().forEach((from, targets) -> {
            for (String target : targets) {
                String a = packageOf(from);
                String b = packageOf(target);
                graph.computeIfAbsent(a, k -> new TreeSet<>());
                if (!a.equals(b)) {
                    graph.get(a).add(b);
                }
            }
        });
        assertThat(graph).as("packages read").containsKeys(ROOT, ROOT + ".command", ROOT + ".cloud");
        assertThat(cycles(graph)).as("groups of packages that import each other").isEmpty();
    }

    @Test
    void noCommandImportsTheAwsSdk() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/cloudbench/cli/command"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (Files.readString(f).contains("software.amazon.awssdk")) {
                    offenders.add(f.getFileName().toString());
                }
            }
        }
        assertThat(offenders).as("commands that use AWS SDK types instead of cloud/").isEmpty();
    }

    /** Every main class of the CLI and the CLI classes it names. */
    private static Map<String, Set<String>> references() throws IOException {
        Map<String, Set<String>> refs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/cloudbench/cli"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = SOURCES.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                Set<String> targets = new TreeSet<>();
                Matcher m = CLI_CLASS.matcher(Files.readString(f));
                while (m.find()) {
                    targets.add(ROOT + m.group(1) + "." + m.group(2));
                }
                refs.put(name, targets);
            }
        }
        assertThat(refs).as("sources read from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(10);
        return refs;
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** The strongly connected components with more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }

    @Test
    void cycles_findsAChainThroughThreePackages_andNotATree() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly(Set.of("a", "b", "c"));
        assertThat(cycles(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of()))).isEmpty();
    }
}
