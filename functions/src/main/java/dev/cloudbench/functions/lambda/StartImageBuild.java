package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code StartImageBuild} (template.yaml's {@code Handler}). */
public final class StartImageBuild extends LambdaFunction {
}
