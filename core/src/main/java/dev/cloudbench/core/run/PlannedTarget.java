package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A target after planning: validated, with a unique id and its market spelled out.
 *
 * @param targetId       unique within the run; names the target's results prefix
 * @param architecture   {@code x86_64} or {@code arm64}
 * @param instanceType   the type being measured
 * @param market         {@code spot}, {@code on-demand} or {@code spot-or-on-demand}
 * @param threadsPerCore 1 to disable SMT, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlannedTarget(String targetId, String architecture, String instanceType, String market,
                            Integer threadsPerCore) {
}
