package dev.cloudbench.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import dev.cloudbench.core.layerfixture.records.Leak;
import dev.cloudbench.core.layerfixture.records.Record;
import dev.cloudbench.core.layerfixture.ring.a.A;
import dev.cloudbench.core.layerfixture.ring.b.B;
import dev.cloudbench.core.layerfixture.ring.c.C;
import dev.cloudbench.core.layerfixture.services.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * core is the domain: it must never depend on the AWS SDK, Lambda types or the CLI. Inside it, the
 * packages form layers that import only downward, and no two packages reach each other, however
 * long the way round.
 */
class DependencyRuleTest {
    private static final List<String> FORBIDDEN = List.of("software.amazon.", "com.amazonaws.", "dev.cloudbench.functions",
            "dev.cloudbench.cli", "picocli.");
    private static final String CORE = "dev.cloudbench.core";

    /** A layer of core: packages relative to {@code dev.cloudbench.core}. */
    record Layer(String name, List<String> packages) {
        static Layer of(String name, String... packages) {
            return new Layer(name, List.of(packages));
        }
    }

    /**
     * The one table of core's layers, lowest first. A package may import packages of its own layer
     * and of the layers below it, never of a layer above.
     */
    static final List<Layer> LAYERS = List.of(
            // Plain records, their errors, and the arithmetic records are built with: BenchmarkResult
            // computes its interval with stats.Bootstrap, and stats imports nothing of core.
            Layer.of("records", "error", "stats", "model", "json", "layout", "results"),
            // What the services need from the world (interfaces and the records they exchange).
            Layer.of("ports", "port"),
            // The state machine's payloads: they carry what the ports return (TargetState holds a
            // port.LaunchedInstance), so they sit above the ports.
            Layer.of("payloads", "run"),
            // Domain rules over records and ports: validation, costs, the rounds' statistics, the
            // instance scripts, run ids. No store is written here.
            Layer.of("rules", "validation", "cost", "rounds", "script", "runid"),
            // One service per state-machine task: the domain rules applied through the ports; and the
            // planner, which turns a previous run's noise into rounds, replicas and cost before a run.
            Layer.of("services", "service", "plan"),
            // Reports on top: rendering, history and change points, pull-request checks, Publish
            // Report's service that assembles results.json and renders them, and the CLI's reader of
            // results on disk. They read what the layers below produced; nothing below reads them.
            Layer.of("reports", "report.chart", "report", "history", "crossarch", "pr", "report.pr", "publish", "reader"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(CORE);

    @Test
    void coreImportsNoInfrastructure() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = sources.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .filter(l -> l.startsWith("import "))
                                    .filter(l -> FORBIDDEN.stream().anyMatch(l::contains))
                                    .map(l -> p + ": " + l);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void everyPackageOfCore_hasOneLayer() {
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName)
                .map(p -> p.equals(CORE) ? "" : p.substring(CORE.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> inTable = LAYERS.stream().flatMap(l -> l.packages().stream()).toList();

        assertThat(inTable).as("the layer table names each package once").doesNotHaveDuplicates();
        assertThat(new TreeSet<>(inTable)).as("the layer table names exactly core's packages")
                .isEqualTo(packages);
    }

    @Test
    void packagesImportOnlyTheirOwnLayerAndLower() {
        layered(CORE, LAYERS).check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        acyclic(CORE).check(MAIN);
    }

    /** The layer rule: layer i may only access layers 0 to i-1 (its own packages are always allowed). */
    static ArchRule layered(String root, List<Layer> layers) {
        Architectures.LayeredArchitecture rule = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : layers) {
            rule = rule.layer(layer.name()).definedBy(layer.packages().stream().map(p -> root + "." + p)
                    .toArray(String[]::new));
        }
        List<String> below = new ArrayList<>();
        for (Layer layer : layers) {
            rule = below.isEmpty() ? rule.whereLayer(layer.name()).mayNotAccessAnyLayer()
                    : rule.whereLayer(layer.name()).mayOnlyAccessLayers(below.toArray(String[]::new));
            below.add(layer.name());
        }
        return rule;
    }

    /** Each package under {@code root} is a slice; a cycle of any length between slices fails. */
    static ArchRule acyclic(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** The two rules on small fake graphs (test/.../layerfixture): each passes a clean graph and fails a broken one. */
    @Nested
    class TheRules {
        private static final String FIXTURE = CORE + ".layerfixture";
        private static final List<Layer> TWO_LAYERS = List.of(Layer.of("records", "records"),
                Layer.of("services", "services"));

        @Test
        void layered_passes_whenEveryImportPointsDown() {
            layered(FIXTURE, TWO_LAYERS).check(new ClassFileImporter().importClasses(Record.class, Service.class));
        }

        @Test
        void layered_fails_onAnUpwardImport() {
            JavaClasses classes = new ClassFileImporter().importClasses(Record.class, Service.class, Leak.class);

            assertThatThrownBy(() -> layered(FIXTURE, TWO_LAYERS).check(classes)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining(Leak.class.getName()).hasMessageContaining(Service.class.getName());
        }

        @Test
        void acyclic_passes_whenTheRingIsOpen() {
            acyclic(FIXTURE + ".ring").check(new ClassFileImporter().importClasses(A.class, B.class));
        }

        @Test
        void acyclic_fails_onACycleOfThreePackages() {
            JavaClasses ring = new ClassFileImporter().importClasses(A.class, B.class, C.class);

            assertThatThrownBy(() -> acyclic(FIXTURE + ".ring").check(ring)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Cycle detected").hasMessageContaining(C.class.getName());
        }
    }
}
