package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code CleanupExecution} (template.yaml's {@code Handler}). */
public final class CleanupExecution extends LambdaFunction {
}
