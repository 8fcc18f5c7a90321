package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One machine image that must be built before targets of its architecture can launch; the
 * payload of the image-build loop.
 *
 * @param runId        the run
 * @param deadline     the run's deadline (ISO-8601)
 * @param architecture {@code x86_64} or {@code arm64}
 * @param fingerprint  fingerprint of the image sources
 * @param buildId      set once the build started
 * @param status       {@code IN_PROGRESS} or {@code SUCCEEDED}
 * @param checks       how many times the build's status was checked (the loop is bounded)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageBuild(String runId, String deadline, String architecture, String fingerprint, String buildId,
                         String status, int checks) {
}
