package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code CleanupRun} (template.yaml's {@code Handler}). */
public final class CleanupRun extends LambdaFunction {
}
