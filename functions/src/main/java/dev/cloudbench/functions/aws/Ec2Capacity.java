package dev.cloudbench.functions.aws;

import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/**
 * What EC2 offers where the stack launches, for "Plan Run"'s capacity check.
 *
 * <p>Instance types are described by filter ({@code instance-type}), not by name: a name EC2 does
 * not know then is simply absent, where {@code InstanceTypes=...} would fail the whole call with
 * InvalidInstanceType. Zones come from DescribeInstanceTypeOfferings with location type
 * {@code availability-zone}; the stack's zones from its subnets ({@link StackSubnets}, as the
 * launch picks them).
 *
 * <p>Quotas (Service Quotas, service code {@code ec2}), both in vCPUs of the standard families A, C,
 * D, H, I, M, R, T and Z: {@value #ON_DEMAND_QUOTA} "Running On-Demand Standard (A, C, D, H, I, M, R,
 * T, Z) instances" (its usage metric is Resource vCPU, Class Standard/OnDemand: the AWS CLI's
 * get-aws-default-service-quota example, https://docs.aws.amazon.com/cli/latest/userguide/cli_service-quotas_code_examples.html)
 * and {@value #SPOT_QUOTA} "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-spot-limits.html: running spot
 * instances and open requests, in vCPUs).
 * GetServiceQuota returns the applied value, and NoSuchResourceException where none is available
 * (https://docs.aws.amazon.com/servicequotas/2019-06-24/apireference/API_GetServiceQuota.html):
 * that market is then not checked rather than refused. What is in use is counted from the
 * account's pending and running instances (DescribeInstances), each by its CPU options.
 *
 * <p>AWS operations: DescribeSubnets, DescribeInstanceTypes, DescribeInstanceTypeOfferings,
 * DescribeInstances, servicequotas:GetServiceQuota.
 */
public final class Ec2Capacity implements CapacityPort {
    static final String ON_DEMAND_QUOTA = "L-1216C47A";
    static final String SPOT_QUOTA = "L-34B43A08";
    /** The letters of a type's family before its generation: "c" of c7gn.large, "im" of im4gn.large. */
    private static final Pattern FAMILY = Pattern.compile("^([a-z]+)\\d");
    /** Families the standard quotas count (A, C, D, H, I, M, R, T, Z; I's storage variants im and is). */
    private static final Set<String> STANDARD = Set.of("a", "c", "d", "h", "i", "im", "is", "m", "r", "t", "z");

    private final Ec2Client ec2;
    private final ServiceQuotasClient quotas;
    private final AwsSettings settings;

    /** Needs ALLOWED_INSTANCE_TYPES; SUBNET_IDS empty means the default VPC's default subnets. */
    public Ec2Capacity(Ec2Client ec2, ServiceQuotasClient quotas, AwsSettings settings) {
        this.ec2 = ec2;
        this.quotas = quotas;
        this.settings = settings;
        AwsSettings.required(String.join(",", settings.allowedInstanceTypes()), "ALLOWED_INSTANCE_TYPES");
    }

    @Override
    public List<String> zones() {
        return List.copyOf(new LinkedHashSet<>(StackSubnets.of(ec2, settings.subnetIds()).stream()
                .map(Subnet::availabilityZone).toList()));
    }

    @Override
    public Map<String, InstanceTypeFacts> instanceTypes(Set<String> instanceTypes) {
        if (instanceTypes.isEmpty()) {
            return Map.of();
        }
        Filter byType = Filter.builder().name("instance-type").values(instanceTypes).build();
        Map<String, List<String>> zones = new HashMap<>();
        ec2.describeInstanceTypeOfferingsPaginator(DescribeInstanceTypeOfferingsRequest.builder()
                        .locationType(LocationType.AVAILABILITY_ZONE).filters(byType).build())
                .instanceTypeOfferings().forEach(o -> zones.computeIfAbsent(o.instanceTypeAsString(),
                        t -> new ArrayList<>()).add(o.location()));
        Map<String, InstanceTypeFacts> out = new LinkedHashMap<>();
        for (InstanceTypeInfo t : ec2.describeInstanceTypesPaginator(DescribeInstanceTypesRequest.builder()
                .filters(byType).build()).instanceTypes()) {
            String name = t.instanceTypeAsString();
            int vcpus = t.vCpuInfo() == null || t.vCpuInfo().defaultVCpus() == null ? 0 : t.vCpuInfo().defaultVCpus();
            out.put(name, new InstanceTypeFacts(name, t.processorInfo().supportedArchitecturesAsStrings(), vcpus,
                    zones.getOrDefault(name, List.of()), t.supportedUsageClassesAsStrings(), standard(name)));
        }
        return out;
    }

    @Override
    public List<String> allowedInstanceTypes() {
        return settings.allowedInstanceTypes();
    }

    @Override
    public Map<Market, VcpuQuota> vcpuQuotas() {
        Map<Market, ServiceQuota> applied = new EnumMap<>(Market.class);
        quota(ON_DEMAND_QUOTA).ifPresent(q -> applied.put(Market.ON_DEMAND, q));
        quota(SPOT_QUOTA).ifPresent(q -> applied.put(Market.SPOT, q));
        if (applied.isEmpty()) {
            return Map.of();
        }
        Map<Market, Integer> inUse = inUse();
        Map<Market, VcpuQuota> out = new EnumMap<>(Market.class);
        applied.forEach((market, q) -> out.put(market, new VcpuQuota(q.quotaName() + " (" + q.quotaCode() + ")",
                q.value(), inUse.getOrDefault(market, 0))));
        return out;
    }

    private Optional<ServiceQuota> quota(String code) {
        try {
            return Optional.ofNullable(quotas.getServiceQuota(r -> r.serviceCode("ec2").quotaCode(code)).quota())
                    .filter(q -> q.value() != null);
        } catch (NoSuchResourceException e) {
            return Optional.empty();
        }
    }

    /** vCPUs of the account's pending and running standard instances, by market. */
    private Map<Market, Integer> inUse() {
        Map<Market, Integer> out = new EnumMap<>(Market.class);
        ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().filters(Filter.builder()
                        .name("instance-state-name").values("pending", "running").build()).build())
                .reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> standard(i.instanceTypeAsString()))
                .forEach(i -> out.merge("spot".equals(i.instanceLifecycleAsString()) ? Market.SPOT : Market.ON_DEMAND,
                        vcpus(i), Integer::sum));
        return out;
    }

    private static int vcpus(Instance i) {
        if (i.cpuOptions() == null || i.cpuOptions().coreCount() == null || i.cpuOptions().threadsPerCore() == null) {
            return 0;
        }
        return i.cpuOptions().coreCount() * i.cpuOptions().threadsPerCore();
    }

    /** Whether the standard quotas count {@code instanceType}: families A, C, D, H, I, M, R, T, Z. */
    static boolean standard(String instanceType) {
        Matcher m = FAMILY.matcher(instanceType == null ? "" : instanceType);
        return m.find() && STANDARD.contains(m.group(1));
    }
}
