package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code PublishReport} (template.yaml's {@code Handler}). */
public final class PublishReport extends LambdaFunction {
}
