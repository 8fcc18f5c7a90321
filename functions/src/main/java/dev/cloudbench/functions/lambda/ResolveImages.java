package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code ResolveImages} (template.yaml's {@code Handler}). */
public final class ResolveImages extends LambdaFunction {
}
