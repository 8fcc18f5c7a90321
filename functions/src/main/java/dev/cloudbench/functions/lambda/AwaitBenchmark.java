package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code AwaitBenchmark} (template.yaml's {@code Handler}). */
public final class AwaitBenchmark extends LambdaFunction {
}
