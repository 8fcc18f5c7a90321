package dev.cloudbench.core.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.results.TargetError;
import java.util.List;

/**
 * How one target ended: the output of a target's branch of the Map.
 *
 * @param targetId   the target
 * @param status     {@code succeeded} or {@code failed}
 * @param error      why it failed, or null
 * @param terminated instance ids terminated for it
 * @param terminatedAt when the branch asked for their termination (ISO-8601): the end of the
 *                   instance time the target is billed for
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetOutcome(String targetId, String status, TargetError error, List<String> terminated,
                            String terminatedAt) {
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    /** An outcome without the termination's time. */
    public TargetOutcome(String targetId, String status, TargetError error, List<String> terminated) {
        this(targetId, status, error, terminated, null);
    }
}
