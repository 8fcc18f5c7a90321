package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code TerminateAfterFailure} (template.yaml's {@code Handler}). */
public final class TerminateAfterFailure extends LambdaFunction {
}
