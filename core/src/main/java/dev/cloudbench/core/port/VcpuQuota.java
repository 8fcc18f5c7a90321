package dev.cloudbench.core.port;

/**
 * An account's vCPU quota in one market and what already uses it.
 *
 * @param name  how the provider names the quota, for the message that refuses a run
 * @param limit the vCPUs the account may run at once
 * @param inUse the vCPUs its live instances use now (of any stack or run)
 */
public record VcpuQuota(String name, double limit, int inUse) {

    /** The vCPUs still free. */
    public double free() {
        return limit - inUse;
    }
}
