package dev.cloudbench.core.port;

import java.util.List;

/**
 * One instance type as the provider describes it.
 *
 * @param instanceType  the type's name
 * @param architectures the architectures it runs ({@code x86_64}, {@code arm64})
 * @param vcpus         its default vCPUs, which the account's vCPU quota counts
 * @param zones         the zones (of all the region's, not only the stack's) that offer it
 * @param markets       the markets it can be bought in ({@code spot}, {@code on-demand})
 * @param standard      whether it counts against the standard-families vCPU quota
 *                      (families A, C, D, H, I, M, R, T, Z in EC2)
 */
public record InstanceTypeFacts(String instanceType, List<String> architectures, int vcpus, List<String> zones,
                                List<String> markets, boolean standard) {
    public InstanceTypeFacts {
        architectures = List.copyOf(architectures);
        zones = List.copyOf(zones);
        markets = List.copyOf(markets);
    }
}
