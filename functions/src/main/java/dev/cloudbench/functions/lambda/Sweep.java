package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code Sweep} (template.yaml's {@code Handler}). */
public final class Sweep extends LambdaFunction {
}
