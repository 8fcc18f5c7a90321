package dev.cloudbench.core.port;

import dev.cloudbench.core.model.Market;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the provider offers where the stack launches, asked by "Plan Run" before anything is built
 * or launched: the instance types with their architectures and zones, the instance types the
 * deployment allows, and the account's vCPU quotas. Every method only reads.
 */
public interface CapacityPort {

    /** The zones the stack launches into (the zones of its subnets), in launch order. */
    List<String> zones();

    /**
     * The facts of each of {@code instanceTypes} that exists here; a type this region does not
     * have is absent from the map (never an exception).
     */
    Map<String, InstanceTypeFacts> instanceTypes(Set<String> instanceTypes);

    /**
     * The deployment's instance type patterns ({@code AllowedInstanceTypes}): {@code *} matches any
     * characters, {@code ?} one, as IAM's StringLike does, so that validation and IAM agree.
     */
    List<String> allowedInstanceTypes();

    /**
     * The account's vCPU quota for instances of standard families ({@link InstanceTypeFacts#standard})
     * per market ({@link Market#SPOT} and {@link Market#ON_DEMAND}); a market without a known
     * quota (or without any, as on a local host) is absent.
     */
    Map<Market, VcpuQuota> vcpuQuotas();
}
