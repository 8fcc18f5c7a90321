package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cloudbench.functions.aws.ImageSources;
import dev.cloudbench.functions.aws.SampleEventWorld;
import dev.cloudbench.functions.bench.ColdStartBenchmark;
import dev.cloudbench.functions.bench.FreshJvm;
import dev.cloudbench.functions.bench.HandlerColdStart;
import dev.cloudbench.functions.wiring.Functions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar that ships to Lambda (functions/target/cloudbench-functions-lambda.jar, the template's
 * CodeUri): shrunk from the shaded jar, so it is tested as it ships. It exists after the functions
 * module's package phase, so these tests run under {@code mvn verify} and are skipped under
 * {@code mvn test}.
 */
class ShippedJarTest {
    private static final Path JAR = Path.of("../functions/target/cloudbench-functions-lambda.jar");
    private static final Path EVENTS = Path.of("../functions/events");
    /** HTTP clients other than UrlConnectionHttpClient, and the CRT they would bring. */
    private static final List<String> FORBIDDEN = List.of("org/apache/http/", "software/amazon/awssdk/http/apache/",
            "io/netty/", "software/amazon/awssdk/http/nio/netty/", "software/amazon/awssdk/crt/");

    @BeforeAll
    static void theJarIsBuilt() {
        assumeTrue(Files.exists(JAR), JAR + " is built by the functions module's package phase");
    }

    @Test
    void holdsNoApacheNettyOrCrtClasses() throws IOException {
        try (ZipFile zip = new ZipFile(JAR.toFile())) {
            List<String> forbidden = zip.stream().map(ZipEntry::getName)
                    .filter(n -> FORBIDDEN.stream().anyMatch(n::startsWith)).toList();
            List<String> httpClients = zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.matches("software/amazon/awssdk/http/(?!async/)[a-z]+/[A-Za-z]+HttpClient\\.class"))
                    .toList(); // http/async holds the SPI's interface, not a client

            assertThat(forbidden).isEmpty();
            assertThat(httpClients).containsExactly("software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
        }
    }

    @Test
    void staysWithinItsSizeBudget() throws IOException {
        assertThat(Files.size(JAR)).as("bytes of " + JAR).isLessThanOrEqualTo(25_000_000L);
    }

    /** The benchmark of docs/performance.md still runs (once, on one function: no timing is asserted). */
    @Test
    void theColdStartBenchmark_reportsAFunctionBesideItsFloor() throws Exception {
        String launcher = Path.of(ColdStartBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();

        String report = ColdStartBenchmark.run(new String[] {"--jar", JAR.toString(), "--launcher-classpath", launcher,
            "--sdk-classpath", System.getProperty("java.class.path"), "--events", EVENTS.toString(), "--repeat", "1",
            "--functions", "CheckImageBuild"});

        assertThat(report).containsPattern("\\| CheckImageBuild \\| [0-9.]+ .*\\| CODEBUILD \\| [0-9.]+ \\| [0-9.]+ \\|")
                .contains("| CODEBUILD |").contains("jar: cloudbench-functions-lambda.jar")
                .contains("apache/netty/crt classes in it: none");
    }

    /** The shrinker keeps what is called; this is what proves it kept all that the functions call. */
    @Test
    void everyFunction_servesItsSampleEvent_fromTheShippedJar(@TempDir Path sources) throws Exception {
        Files.createDirectories(sources.resolve("cloudbench"));
        Files.write(sources.resolve("cloudbench/image-sources.zip"), SampleEventWorld.imageSourcesZip());
        String launcher = Path.of(HandlerColdStart.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String classpath = String.join(File.pathSeparator, JAR.toString(), launcher, sources.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (SampleEventWorld world = new SampleEventWorld(EVENTS,
                new ImageSources(SampleEventWorld.imageSourcesZip(JAR)))) {
            for (String function : new TreeSet<>(Functions.names())) {
                world.reset(function);

                FreshJvm.Run run = FreshJvm.handler(java, classpath, function, EVENTS.resolve(function + ".json"),
                        world.environment(), null);

                assertThat(run.response()).as(function).startsWith("{").doesNotContain("errorMessage");
            }
        }
    }
}
