package dev.cloudbench.functions.lambda;

/** Lambda's entry point of the function {@code PlanRun} (template.yaml's {@code Handler}). */
public final class PlanRun extends LambdaFunction {
}
