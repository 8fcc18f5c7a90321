package dev.cloudbench.core.service;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.ResultsMissingException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.run.StepError;
import dev.cloudbench.core.validation.RequestValidator;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading back what a run stored, shared by the services. */
public final class RunRecords {
    /** Instance ids (i-0abc…, local ones) and command ids (SSM's UUIDs, local cmd-N). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private RunRecords() {
    }

    /**
     * The run's request.json, validated again: what a task turns into a script must pass the checks
     * it passed when the run was planned, whoever could write the store since.
     *
     * @throws BadInputException one line naming the record and what is wrong with it
     */
    public static RunRequest request(ResultStorePort store, String runId) {
        String key = StoreLayout.request(runId);
        byte[] bytes = store.get(key)
                .orElseThrow(() -> new ResultsMissingException("run " + runId + " has no request.json in the result store"));
        RunRequest request;
        try {
            request = Json.read(bytes, RunRequest.class);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new BadInputException(key + ": not a run request any more (" + firstLine(e.getMessage()) + ")");
        }
        try {
            RequestValidator.validate(request);
        } catch (BadInputException e) {
            throw new BadInputException(key + " fails validation: " + e.getMessage());
        }
        if (request.runId() != null && !request.runId().equals(runId)) {
            throw new BadInputException(key + " names run '" + request.runId() + "', not " + runId);
        }
        return request;
    }

    /**
     * A command record ({@code command.json}, {@code command-round-N.json}), checked before use.
     *
     * @throws BadInputException one line naming the record and what is wrong with it
     */
    static Optional<BenchmarkService.StartedCommand> command(ResultStorePort store, String key) {
        Optional<byte[]> bytes = store.get(key);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        BenchmarkService.StartedCommand c;
        try {
            c = Json.read(bytes.get(), BenchmarkService.StartedCommand.class);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new BadInputException(key + ": not a command record (" + firstLine(e.getMessage()) + ")");
        }
        if (c == null || c.instanceId() == null || !ID.matcher(c.instanceId()).matches()
                || c.commandId() == null || !ID.matcher(c.commandId()).matches()) {
            throw new BadInputException(key + ": instance or command id is missing or not an id");
        }
        try {
            Instant.parse(c.startedAt());
        } catch (RuntimeException e) {
            throw new BadInputException(key + ": startedAt '" + c.startedAt() + "' is not a time");
        }
        return Optional.of(c);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
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
