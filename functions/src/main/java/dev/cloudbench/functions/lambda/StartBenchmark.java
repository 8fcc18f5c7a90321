package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code StartBenchmark} (template.yaml's {@code Handler}). */
public final class StartBenchmark extends LambdaFunction {
}
