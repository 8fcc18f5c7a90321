package dev.cloudbench.core.port;

/**
 * An instance started (or found again) for a target.
 *
 * @param instanceId the fleet's id for it
 * @param market     the market it was actually bought in ({@code spot} or {@code on-demand})
 * @param zone       availability zone, or {@code local}
 * @param imageId    the image it booted
 * @param reused     true when a retried launch found the instance already running
 * @param spotPrice  the zone's spot price for the type when a spot instance launched (USD per hour,
 *                   as EC2 spells it), else null
 */
public record LaunchedInstance(String instanceId, String market, String zone, String imageId, boolean reused,
                               String spotPrice) {
}
