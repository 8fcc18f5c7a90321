package dev.cloudbench.core.service;

import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.run.StepError;

/** Reading back what a run stored, shared by the services. */
final class RunRecords {
    private RunRecords() {
    }

    static RunRequest request(ResultStorePort store, String runId) {
        byte[] bytes = store.get(StoreLayout.request(runId))
                .orElseThrow(() -> new ResultsMissingException("run " + runId + " has no request.json in the result store"));
        return Json.read(bytes, RunRequest.class);
    }

    /**
     * The message of a caught error. AWS gives the Lambda error payload as JSON in the cause; the
     * local engine gives "name: message". Either way people get the message alone.
     */
    static String message(StepError error) {
        if (error == null) {
            return "unknown error";
        }
        String cause = error.cause() == null ? "" : error.cause().strip();
        if (cause.startsWith("{")) {
            try {
                var node = Json.payload().readTree(cause);
                if (node.path("errorMessage").isTextual()) {
                    cause = node.path("errorMessage").asText();
                }
            } catch (java.io.IOException ignored) {
                // not JSON after all: keep the text as it is
            }
        }
        if (error.error() != null && cause.startsWith(error.error() + ": ")) {
            cause = cause.substring(error.error().length() + 2);
        }
        cause = cause.lines().findFirst().orElse("").strip();
        return cause.isEmpty() ? error.error() : cause;
    }

    /** The short name of an error: the simple class name of our exceptions. */
    static String shortName(String errorName) {
        return TargetError.shortName(errorName);
    }
}
