package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code LaunchInstance} (template.yaml's {@code Handler}). */
public final class LaunchInstance extends LambdaFunction {
}
