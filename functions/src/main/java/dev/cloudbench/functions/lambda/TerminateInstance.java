package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code TerminateInstance} (template.yaml's {@code Handler}). */
public final class TerminateInstance extends LambdaFunction {
}
