package dev.cloudbench.cli.engine;

/**
 * An exception that the local Invoke endpoint reports under another error name than its class —
 * how the Lambda service's own errors ({@code Lambda.ServiceException}, ...) are emulated when
 * testing the definition's retry policy.
 */
public interface ErrorTyped {
    String errorType();
}
