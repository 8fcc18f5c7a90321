package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code CheckImageBuild} (template.yaml's {@code Handler}). */
public final class CheckImageBuild extends LambdaFunction {
}
