package dev.cloudbench.functions.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@link HandlerColdStart} or {@link BareClientFloor} in a fresh JVM, with the Lambda
 * runtime's flags and only the environment given (no AWS variable of the caller's leaks in).
 */
public final class FreshJvm {
    /** The runtime flags the template gives every function (JAVA_TOOL_OPTIONS). */
    public static final String LAMBDA_FLAGS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /**
     * What one JVM did: from its start to the line saying it answered, the two phases it reported
     * (construction or client build, then the call), and its last line of output before that line.
     */
    public record Run(double seconds, double initSeconds, double invokeSeconds, String response) {
    }

    private FreshJvm() {
    }

    /** A function's handler, built as Lambda builds it, serving {@code event}. */
    public static Run handler(String java, String classpath, String function, Path event, Map<String, String> env,
                              Path classLog) throws IOException, InterruptedException {
        return run(java, classpath, classLog, List.of(HandlerColdStart.class.getName(), function, event.toString()),
                env, function);
    }

    /** A bare client of {@code service} and one call ({@link BareClientFloor}). */
    public static Run floor(String java, String classpath, String service, List<String> callArguments,
                            Map<String, String> env, Path classLog) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(BareClientFloor.class.getName(), service));
        args.addAll(callArguments);
        return run(java, classpath, classLog, args, env, "floor " + service);
    }

    private static Run run(String java, String classpath, Path classLog, List<String> mainAndArgs,
                           Map<String, String> env, String what) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath));
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_TOOL_OPTIONS", LAMBDA_FLAGS);
        Path stderr = Files.createTempFile("fresh-jvm", ".err");
        pb.redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String done = null;
            String last = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith(HandlerColdStart.DONE)) {
                    done = line;
                    break;
                }
                last = line.isBlank() ? last : line; // handlers may log before their response
            }
            long end = System.nanoTime();
            in.transferTo(Writer.nullWriter());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (done == null) {
                throw new IllegalStateException(what + " did not answer (exit " + p.exitValue() + "):\n" + last
                        + "\n" + Files.readString(stderr));
            }
            String[] parts = done.split(" ");
            return new Run((end - start) / 1e9, Long.parseLong(parts[1]) / 1e6, Long.parseLong(parts[2]) / 1e6,
                    last);
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }
}
