package dev.cloudbench.functions.bench;

import dev.cloudbench.functions.aws.AwsPorts.Service;
import dev.cloudbench.functions.aws.SampleEventWorld;
import dev.cloudbench.functions.wiring.Functions;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;

/**
 * The cold-start benchmark (scripts/cold-start-benchmark.sh runs it; it is not a test). For every
 * function, in a fresh JVM with the Lambda runtime's flags: the handler built by its no-argument
 * constructor from the shipped jar, serving its sample event against loopback stand-ins of the AWS
 * services ({@link SampleEventWorld}); beside it, in the same run, the floor of each service — a
 * fresh JVM with a bare SDK client of that service and one call ({@link BareClientFloor}). Prints
 * medians of the time to first response, the floor of the function's slowest service, their ratio,
 * the classes each JVM loaded, and the jar's size and forbidden contents.
 */
public final class ColdStartBenchmark {
    static final double TARGET_RATIO = 1.25;
    static final long TARGET_JAR_BYTES = 25L * 1000 * 1000;
    /** Packages of the HTTP clients the jar must not hold (nor the CRT). */
    static final List<String> FORBIDDEN = List.of("org/apache/http/", "software/amazon/awssdk/http/apache/",
            "io/netty/", "software/amazon/awssdk/http/nio/netty/", "software/amazon/awssdk/crt/");

    private final Options options;
    private final SampleEventWorld world;
    private final Path sources;
    private final PrintStream out = System.out;

    /** Command-line options; see {@link #main}. */
    record Options(Path jar, String launcherClasspath, String sdkClasspath, Path events, String java, int repeat,
                   List<String> functions, Path markdown, Path classLogs, Map<String, String> env) {
        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                a.put(args[i].substring(2), args[i + 1]);
            }
            if (Integer.parseInt(a.getOrDefault("repeat", "5")) < 1) {
                throw new IllegalArgumentException("--repeat must be at least 1");
            }
            List<String> functions = a.containsKey("functions") ? Arrays.asList(a.get("functions").split(","))
                    : new ArrayList<>(new TreeSet<>(Functions.names()));
            return new Options(Path.of(required(a, "jar")), required(a, "launcher-classpath"),
                    required(a, "sdk-classpath"), Path.of(a.getOrDefault("events", "functions/events")),
                    a.getOrDefault("java", Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                    Integer.parseInt(a.getOrDefault("repeat", "5")), functions,
                    a.containsKey("markdown") ? Path.of(a.get("markdown")) : null,
                    a.containsKey("class-logs") ? Path.of(a.get("class-logs")) : null, extraEnvironment(args));
        }

        /** {@code --env NAME=VALUE}, repeatable: added to every JVM's environment, floors' too. */
        private static Map<String, String> extraEnvironment(String[] args) {
            Map<String, String> env = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (args[i].equals("--env")) {
                    String[] kv = args[i + 1].split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            return env;
        }

        private static String required(Map<String, String> a, String name) {
            String v = a.get(name);
            if (v == null) {
                throw new IllegalArgumentException("missing --" + name);
            }
            return v;
        }
    }

    /** Medians of a function's or a floor's samples, and the classes its JVM loaded. */
    record Figures(double seconds, double initSeconds, double invokeSeconds, double min, double max, int classes) {
        static Figures of(List<FreshJvm.Run> samples, int classes) {
            return new Figures(median(samples.stream().mapToDouble(FreshJvm.Run::seconds).toArray()),
                    median(samples.stream().mapToDouble(FreshJvm.Run::initSeconds).toArray()),
                    median(samples.stream().mapToDouble(FreshJvm.Run::invokeSeconds).toArray()),
                    samples.stream().mapToDouble(FreshJvm.Run::seconds).min().orElse(Double.NaN),
                    samples.stream().mapToDouble(FreshJvm.Run::seconds).max().orElse(Double.NaN), classes);
        }
    }

    ColdStartBenchmark(Options options) throws IOException {
        this.options = options;
        // The jar of a checkout without packer/ holds no image sources; these stand in for them.
        this.sources = Files.createTempDirectory("cold-start-sources");
        Files.createDirectories(sources.resolve("cloudbench"));
        Files.write(sources.resolve("cloudbench/image-sources.zip"), SampleEventWorld.imageSourcesZip());
        this.world = new SampleEventWorld(options.events(), new dev.cloudbench.functions.aws.ImageSources(
                SampleEventWorld.imageSourcesZip(options.jar())));
    }

    /**
     * {@code --jar LAMBDA_JAR --launcher-classpath TEST_CLASSES --sdk-classpath CP [--events DIR]
     * [--java BIN] [--repeat N] [--functions A,B] [--markdown FILE] [--class-logs DIR] [--env NAME=VALUE]...}
     */
    public static void main(String[] args) throws Exception {
        run(args);
    }

    /** Runs the benchmark, printing progress and then the report, which it returns. */
    public static String run(String[] args) throws IOException, InterruptedException {
        ColdStartBenchmark benchmark = new ColdStartBenchmark(Options.parse(args));
        try {
            return benchmark.run();
        } finally {
            benchmark.world.close();
            Files.delete(benchmark.sources.resolve("cloudbench/image-sources.zip"));
            Files.delete(benchmark.sources.resolve("cloudbench"));
            Files.delete(benchmark.sources);
        }
    }

    private String run() throws IOException, InterruptedException {
        Set<Service> services = new TreeSet<>();
        options.functions().forEach(f -> services.addAll(servicesOf(f)));
        out.printf(Locale.ROOT, "java: %s (%s), JAVA_TOOL_OPTIONS=%s; %d runs per line (medians), after one warm-up%n",
                options.java(), javaVersion(), FreshJvm.LAMBDA_FLAGS, options.repeat());
        Map<Service, List<FreshJvm.Run>> floorSamples = new EnumMap<>(Service.class);
        Map<Service, List<FreshJvm.Run>> shippedFloorSamples = new EnumMap<>(Service.class);
        Map<String, List<FreshJvm.Run>> handlerSamples = new LinkedHashMap<>();
        for (int round = 0; round <= options.repeat(); round++) {
            out.printf("round %d of %d%s%n", round, options.repeat(), round == 0 ? " (warm-up)" : "");
            for (Service s : services) {
                FreshJvm.Run sample = floor(s, options.sdkClasspath(), null);
                FreshJvm.Run shipped = floor(s, shippedClasspath(), null);
                if (round > 0) {
                    floorSamples.computeIfAbsent(s, k -> new ArrayList<>()).add(sample);
                    shippedFloorSamples.computeIfAbsent(s, k -> new ArrayList<>()).add(shipped);
                }
            }
            for (String f : options.functions()) {
                FreshJvm.Run sample = handler(f, null);
                if (round > 0) {
                    handlerSamples.computeIfAbsent(f, k -> new ArrayList<>()).add(sample);
                }
            }
        }
        Map<Service, Figures> floors = new EnumMap<>(Service.class);
        Map<Service, Figures> shippedFloors = new EnumMap<>(Service.class);
        for (Service s : services) {
            floors.put(s, Figures.of(floorSamples.get(s),
                    classesLoaded("floor-" + s, log -> floor(s, options.sdkClasspath(), log))));
            shippedFloors.put(s, Figures.of(shippedFloorSamples.get(s),
                    classesLoaded("shipped-floor-" + s, log -> floor(s, shippedClasspath(), log))));
        }
        Map<String, Figures> handlers = new LinkedHashMap<>();
        for (String f : options.functions()) {
            handlers.put(f, Figures.of(handlerSamples.get(f), classesLoaded(f, log -> handler(f, log))));
        }
        String report = report(floors, shippedFloors, handlers);
        out.println();
        out.print(report);
        if (options.markdown() != null) {
            Files.writeString(options.markdown(), report);
        }
        return report;
    }

    private String report(Map<Service, Figures> floors, Map<Service, Figures> shippedFloors,
                          Map<String, Figures> handlers) throws IOException {
        StringBuilder r = new StringBuilder();
        r.append("| function | first response (s) | init + invoke (s) | slowest service | its floor (s) | ratio "
                + "| within 1.25× | ratio to the floor from the shipped jar | classes loaded |\n"
                + "|---|---:|---:|---|---:|---:|---|---:|---:|\n");
        for (Map.Entry<String, Figures> e : handlers.entrySet()) {
            Figures h = e.getValue();
            Service slowest = servicesOf(e.getKey()).stream()
                    .max(Comparator.comparingDouble(s -> floors.get(s).seconds())).orElseThrow();
            double ratio = h.seconds() / floors.get(slowest).seconds();
            double shippedRatio = h.seconds() / servicesOf(e.getKey()).stream()
                    .mapToDouble(s -> shippedFloors.get(s).seconds()).max().orElseThrow();
            r.append(String.format(Locale.ROOT, "| %s | %.3f (%.3f–%.3f) | %.3f + %.3f | %s | %.3f | %.2f | %s | %.2f "
                            + "| %d |%n", e.getKey(), h.seconds(), h.min(), h.max(), h.initSeconds(), h.invokeSeconds(),
                    slowest, floors.get(slowest).seconds(), ratio, ratio <= TARGET_RATIO ? "yes" : "**no**",
                    shippedRatio, h.classes()));
        }
        r.append("\n| bare client + one call (floor) | SDK as published (s) | build + call (s) | classes "
                + "| from the shipped jar (s) | build + call (s) | classes |\n|---|---:|---:|---:|---:|---:|---:|\n");
        floors.forEach((s, f) -> {
            Figures j = shippedFloors.get(s);
            r.append(String.format(Locale.ROOT, "| %s | %.3f (%.3f–%.3f) | %.3f + %.3f | %d | %.3f (%.3f–%.3f) "
                            + "| %.3f + %.3f | %d |%n", s, f.seconds(), f.min(), f.max(), f.initSeconds(),
                    f.invokeSeconds(), f.classes(), j.seconds(), j.min(), j.max(), j.initSeconds(), j.invokeSeconds(),
                    j.classes()));
        });
        long size = Files.size(options.jar());
        List<String> forbidden = forbiddenEntries(options.jar());
        r.append(String.format(Locale.ROOT, "%njar: %s, %.1f MB (%d bytes; target ≤ 25 MB: %s); apache/netty/crt "
                        + "classes in it: %s%n", options.jar().getFileName(), size / 1e6, size,
                size <= TARGET_JAR_BYTES ? "yes" : "**no**",
                forbidden.isEmpty() ? "none" : forbidden.size() + " (" + forbidden.get(0) + ", ...)"));
        return r.toString();
    }

    private static Set<Service> servicesOf(String function) {
        Set<Service> s = Functions.get(function).services();
        if (s == null) {
            throw new IllegalArgumentException("unknown function " + function);
        }
        return s;
    }

    static List<String> forbiddenEntries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(e -> e.getName()).filter(n -> FORBIDDEN.stream().anyMatch(n::startsWith)).toList();
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(world.environment());
        env.putAll(options.env());
        return env;
    }

    /** The shipped jar, then the launcher, then the image sources the jar of this checkout may lack. */
    private String shippedClasspath() {
        return String.join(File.pathSeparator, options.jar().toString(), options.launcherClasspath(),
                sources.toString());
    }

    private FreshJvm.Run handler(String function, Path classLog) throws IOException, InterruptedException {
        world.reset(function);
        FreshJvm.Run run = FreshJvm.handler(options.java(), shippedClasspath(), function,
                options.events().resolve(function + ".json"), environment(), classLog);
        if (!run.response().startsWith("{")) {
            throw new IllegalStateException(function + " answered no JSON object: " + run.response());
        }
        return run;
    }

    private FreshJvm.Run floor(Service service, String classpath, Path classLog)
            throws IOException, InterruptedException {
        world.reset("floor");
        return FreshJvm.floor(options.java(), classpath, service.name(),
                SampleEventWorld.readCall(service), environment(), classLog);
    }

    /** A run that loads classes while logging each; what the log counts. */
    private interface LoggedRun {
        FreshJvm.Run run(Path log) throws IOException, InterruptedException;
    }

    /** Kept in --class-logs DIR as NAME.log when that option is given. */
    private int classesLoaded(String name, LoggedRun run) throws IOException, InterruptedException {
        Path log = Files.createTempFile("cold-start", ".classes");
        try {
            run.run(log);
            if (options.classLogs() != null) {
                Files.createDirectories(options.classLogs());
                Files.copy(log, options.classLogs().resolve(name + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (var lines = Files.lines(log)) {
                return (int) lines.filter(l -> l.contains("source:")).count();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private String javaVersion() {
        try {
            Process p = new ProcessBuilder(options.java(), "-version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("version")).findFirst().orElse("unknown version");
            p.waitFor();
            return first.strip();
        } catch (IOException | InterruptedException e) {
            throw new UncheckedIOException(new IOException("cannot run " + options.java(), e));
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
