package dev.cloudbench.core.port;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An instance started (or found again) for a target.
 *
 * @param instanceId   the fleet's id for it
 * @param market       the market it was actually bought in ({@code spot} or {@code on-demand})
 * @param zone         availability zone, or {@code local}
 * @param imageId      the image it booted
 * @param reused       true when a retried launch found the instance already running
 * @param launchedAt   when the instance was launched (ISO-8601; EC2's LaunchTime), or null when
 *                     unknown; reports count instance time from it
 * @param pricePerHour what the instance costs per hour in USD, as the fleet knew it at launch
 *                     (for spot, the spot price then), or null; reports compute cost from it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LaunchedInstance(String instanceId, String market, String zone, String imageId, boolean reused,
                               String launchedAt, Double pricePerHour) {

    /** An instance whose launch time and price the fleet does not know. */
    public LaunchedInstance(String instanceId, String market, String zone, String imageId, boolean reused) {
        this(instanceId, market, zone, imageId, reused, null, null);
    }
}
