package dev.cloudbench.functions.aws;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** The subnets the stack launches into, in launch order: the launch and the capacity check agree on them. */
final class StackSubnets {
    private StackSubnets() {
    }

    /**
     * The configured subnets ({@code SUBNET_IDS}) in their order, else the default VPC's default
     * subnet of each zone, by zone name.
     */
    static List<Subnet> of(Ec2Client ec2, List<String> subnetIds) {
        if (subnetIds.isEmpty()) {
            return ec2.describeSubnets(r -> r.filters(Filter.builder().name("default-for-az").values("true").build()))
                    .subnets().stream().sorted(Comparator.comparing(Subnet::availabilityZone)).toList();
        }
        List<Subnet> found = ec2.describeSubnets(r -> r.subnetIds(subnetIds)).subnets();
        return subnetIds.stream().flatMap(id -> found.stream().filter(s -> s.subnetId().equals(id)).findFirst().stream())
                .toList();
    }
}
