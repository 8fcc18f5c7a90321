package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code BenchmarkFinished} (template.yaml's {@code Handler}). */
public final class BenchmarkFinished extends LambdaFunction {
}
