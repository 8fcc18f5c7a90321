package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a Catch clause puts at its ResultPath: the error name and its cause. In AWS the cause of a
 * Lambda error is the JSON error payload; the local engine gives {@code "name: message"}.
 */
public record StepError(@JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {
}
