package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code CheckInstance} (template.yaml's {@code Handler}). */
public final class CheckInstance extends LambdaFunction {
}
