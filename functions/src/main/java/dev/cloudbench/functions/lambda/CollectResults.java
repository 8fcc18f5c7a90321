package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code CollectResults} (template.yaml's {@code Handler}). */
public final class CollectResults extends LambdaFunction {
}
