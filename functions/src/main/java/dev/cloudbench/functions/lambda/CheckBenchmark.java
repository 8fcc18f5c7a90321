package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code CheckBenchmark} (template.yaml's {@code Handler}). */
public final class CheckBenchmark extends LambdaFunction {
}
