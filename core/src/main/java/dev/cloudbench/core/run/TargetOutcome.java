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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetOutcome(String targetId, String status, TargetError error, List<String> terminated) {
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
}
