package dev.cloudbench.functions.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, as Lambda does it: the handler class by name, its no-argument constructor (the
 * production adapters, configured from the environment), then one invocation with the event. Prints
 * the response and then {@value #DONE} with the time spent in each phase; the benchmark stops its
 * clock when that line arrives. Run by {@link ColdStartBenchmark} in a fresh JVM.
 */
public final class HandlerColdStart {
    static final String DONE = "cold-start-done";

    private HandlerColdStart() {
    }

    /** @param args the function's name ({@code LaunchInstance}) and its event file */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName("dev.cloudbench.functions.lambda." + args[0]).getConstructor().newInstance();
        long constructed = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))), out, null);
        long answered = System.nanoTime();
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.out.println(DONE + " " + (constructed - start) / 1000 + " " + (answered - constructed) / 1000);
    }
}
