package dev.cloudbench.core.run;

import java.util.List;

/**
 * What the sweeper did.
 *
 * @param examined how many tagged instances it looked at
 * @param swept    the instances it terminated, each with the reason
 */
public record SweepReport(int examined, List<Swept> swept) {

    /**
     * @param instanceId the instance
     * @param runId      its run, or null
     * @param reason     why it was terminated
     */
    public record Swept(String instanceId, String runId, String reason) {
    }
}
