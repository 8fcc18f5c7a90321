package dev.cloudbench.functions.aws;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.CapacityUnavailableException;
import dev.cloudbench.core.error.QuotaExceededException;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.TaggedInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;
import software.amazon.awssdk.services.ec2.model.LocationType;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The fleet in EC2: one instance per target, exactly of the requested type (the type is what is
 * measured, so it is never substituted).
 *
 * <p>A launch checks the type against the target's architecture and the zones of the configured
 * subnets, reuses an instance already tagged for the run and target, and otherwise calls
 * RunInstances zone by zone and — for {@code spot-or-on-demand} — market by market until one
 * succeeds; the k-th replica of a target starts at the k-th zone ({@link #startingAt}). Each
 * attempt has its own client token derived from run, target, attempt, market and zone
 * ({@link LaunchPlan#clientToken}). Capacity errors move on; quota and unsupported-type errors
 * end the launch at once.
 *
 * <p>AWS operations: DescribeInstanceTypes, DescribeSubnets, DescribeInstanceTypeOfferings,
 * DescribeImages, DescribeInstances, RunInstances, CreateTags (through RunInstances' tag
 * specifications), DescribeSpotPriceHistory, TerminateInstances; {@code iam:PassRole} for the
 * instance profile's role.
 */
public final class Ec2Fleet implements FleetPort {
    static final Set<String> QUOTA_CODES = Set.of("InstanceLimitExceeded", "VcpuLimitExceeded",
            "VolumeLimitExceeded", "MaxIOPSLimitExceeded", "ResourceLimitExceeded", "PendingVerification");
    static final Set<String> UNSUPPORTED_CODES = Set.of("Unsupported", "InvalidInstanceType",
            "UnsupportedOperation");
    private static final String NOT_FOUND = "InvalidInstanceID.NotFound";

    private final Ec2Client ec2;
    private final AwsSettings settings;
    private final boolean launches;

    /**
     * Needs STACK_NAME, SECURITY_GROUP_ID and INSTANCE_PROFILE_ARN; SUBNET_IDS empty means the
     * default VPC's default subnet in each zone.
     */
    public Ec2Fleet(Ec2Client ec2, AwsSettings settings) {
        this(ec2, settings, true);
    }

    private Ec2Fleet(Ec2Client ec2, AwsSettings settings, boolean launches) {
        this.ec2 = ec2;
        this.settings = settings;
        this.launches = launches;
        AwsSettings.required(settings.stackName(), "STACK_NAME");
        if (launches) {
            AwsSettings.required(settings.securityGroupId(), "SECURITY_GROUP_ID");
            AwsSettings.required(settings.instanceProfileArn(), "INSTANCE_PROFILE_ARN");
        }
    }

    /**
     * The stack's instances seen from outside the stack (the CLI's cleanup): found, described and
     * terminated by the stack's tag; {@link #launch} is refused, as launching needs the stack's
     * network and instance profile.
     */
    public static Ec2Fleet withoutLaunching(Ec2Client ec2, String stackName) {
        return new Ec2Fleet(ec2, new AwsSettings(stackName, "", List.of(), "", "", "",
                AwsSettings.DEFAULT_ROOT_VOLUME_GIB, "", ""), false);
    }

    @Override
    public LaunchedInstance launch(LaunchSpec spec) {
        if (!launches) {
            throw new IllegalStateException("this fleet of stack " + settings.stackName() + " does not launch");
        }
        InstanceTypeInfo type = instanceType(spec);
        Optional<Instance> existing = tagged(spec.runId(), spec.targetId(), List.of("pending", "running"))
                .stream().findFirst();
        if (existing.isPresent()) {
            return launched(existing.get(), true);
        }
        List<LaunchPlan.Zone> zones = startingAt(zonesOffering(spec.instanceType()), spec.replicaIndex());
        Image image = image(spec.imageId());
        LaunchPlan plan = new LaunchPlan(spec, type, image, settings);
        List<String> shortages = new ArrayList<>();
        for (String market : markets(spec.market())) {
            for (LaunchPlan.Zone zone : zones) {
                try {
                    Instance started = ec2.runInstances(plan.request(market, zone)).instances().get(0);
                    return launched(started, false);
                } catch (Ec2Exception e) {
                    String code = AwsClients.errorCode(e);
                    if (AwsClients.CAPACITY_CODES.contains(code)) {
                        shortages.add(market + " in " + zone.name() + ": " + code);
                    } else {
                        throw translate(e, spec);
                    }
                }
            }
        }
        throw new CapacityUnavailableException("no capacity for " + spec.instanceType() + " (market "
                + spec.market() + "): " + String.join("; ", shortages));
    }

    private static RuntimeException translate(Ec2Exception e, LaunchSpec spec) {
        String code = AwsClients.errorCode(e);
        String message = e.awsErrorDetails().errorMessage();
        if (QUOTA_CODES.contains(code)) {
            return new QuotaExceededException(code + " launching " + spec.instanceType() + ": " + message, e);
        }
        if (UNSUPPORTED_CODES.contains(code)) {
            return new BadInputException("target " + spec.targetId() + ": " + spec.instanceType()
                    + " cannot be launched here (" + code + ": " + message + ")", e);
        }
        if ("IdempotentParameterMismatch".equals(code)) {
            return new IllegalStateException("a launch with the same client token had other parameters ("
                    + message + "); the target's launch attempt must change with them", e);
        }
        return e;
    }

    /** The type's description, after checking it runs the target's architecture. */
    private InstanceTypeInfo instanceType(LaunchSpec spec) {
        List<InstanceTypeInfo> types;
        try {
            types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(spec.instanceType())).instanceTypes();
        } catch (Ec2Exception e) {
            if (UNSUPPORTED_CODES.contains(AwsClients.errorCode(e))) {
                throw new BadInputException("target " + spec.targetId() + ": unknown instance type '"
                        + spec.instanceType() + "'", e);
            }
            throw e;
        }
        if (types.isEmpty()) {
            throw new BadInputException("target " + spec.targetId() + ": unknown instance type '"
                    + spec.instanceType() + "'");
        }
        InstanceTypeInfo type = types.get(0);
        List<String> architectures = type.processorInfo().supportedArchitecturesAsStrings();
        if (!architectures.contains(spec.architecture())) {
            throw new BadInputException("target " + spec.targetId() + ": " + spec.instanceType() + " runs "
                    + String.join(", ", architectures) + ", not " + spec.architecture());
        }
        return type;
    }

    /** The stack's subnets, in order, whose zone offers the type. */
    private List<LaunchPlan.Zone> zonesOffering(String instanceType) {
        List<Subnet> subnets = StackSubnets.of(ec2, settings.subnetIds());
        List<String> offered = ec2.describeInstanceTypeOfferingsPaginator(DescribeInstanceTypeOfferingsRequest.builder()
                        .locationType(LocationType.AVAILABILITY_ZONE)
                        .filters(filter("instance-type", instanceType)).build())
                .instanceTypeOfferings().stream().map(InstanceTypeOffering::location).toList();
        List<LaunchPlan.Zone> zones = subnets.stream().filter(s -> offered.contains(s.availabilityZone()))
                .map(s -> new LaunchPlan.Zone(s.availabilityZone(), s.subnetId())).toList();
        if (zones.isEmpty()) {
            throw new BadInputException(instanceType + " is not offered in any zone of the stack's subnets ("
                    + String.join(", ", subnets.stream().map(Subnet::availabilityZone).toList()) + ")");
        }
        return zones;
    }

    /**
     * The zones in launch order for replica {@code k + 1} of a target: the k-th zone first (round
     * robin), then the others in their order, so that replicas land on different zones (and hosts)
     * while each can still fall back to every zone.
     */
    static List<LaunchPlan.Zone> startingAt(List<LaunchPlan.Zone> zones, int replicaIndex) {
        int start = Math.floorMod(replicaIndex, zones.size());
        List<LaunchPlan.Zone> rotated = new ArrayList<>(zones.subList(start, zones.size()));
        rotated.addAll(zones.subList(0, start));
        return rotated;
    }

    /** The image, if this account owns it: IAM allows RunInstances only of its own images (ec2:Owner). */
    private Image image(String imageId) {
        List<Image> images = ec2.describeImages(r -> r.imageIds(imageId).owners("self")).images();
        if (images.isEmpty()) {
            throw new IllegalStateException("image " + imageId + " does not exist in this account");
        }
        return images.get(0);
    }

    private static List<String> markets(String market) {
        return switch (Market.parse(market, "target.market")) {
            case SPOT -> List.of(LaunchPlan.SPOT);
            case ON_DEMAND -> List.of(LaunchPlan.ON_DEMAND);
            case SPOT_OR_ON_DEMAND -> List.of(LaunchPlan.SPOT, LaunchPlan.ON_DEMAND);
        };
    }

    private LaunchedInstance launched(Instance instance, boolean reused) {
        String market = instance.instanceLifecycleAsString() == null ? LaunchPlan.ON_DEMAND : LaunchPlan.SPOT;
        String zone = instance.placement().availabilityZone();
        Double price = market.equals(LaunchPlan.SPOT)
                ? spotPrice(instance.instanceTypeAsString(), zone, instance.launchTime()) : null;
        return new LaunchedInstance(instance.instanceId(), market, zone, instance.imageId(), reused,
                instance.launchTime() == null ? null : instance.launchTime().toString(), price);
    }

    /** The spot price when the instance launched; unknown (null) rather than a failed launch. */
    private Double spotPrice(String instanceType, String zone, Instant at) {
        try {
            return ec2.describeSpotPriceHistory(r -> r.instanceTypesWithStrings(instanceType).availabilityZone(zone)
                            .productDescriptions("Linux/UNIX").startTime(at == null ? Instant.now() : at)
                            .endTime(at == null ? Instant.now() : at))
                    .spotPriceHistory().stream().findFirst().map(p -> Double.valueOf(p.spotPrice())).orElse(null);
        } catch (SdkException | NumberFormatException e) {
            return null;
        }
    }

    @Override
    public InstanceStatus describe(String instanceId) {
        List<Instance> found;
        try {
            found = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                    .flatMap(r -> r.instances().stream()).toList();
        } catch (Ec2Exception e) {
            if (NOT_FOUND.equals(AwsClients.errorCode(e))) {
                return new InstanceStatus(InstanceStatus.State.TERMINATED, "unknown instance " + instanceId);
            }
            throw e;
        }
        if (found.isEmpty()) {
            return new InstanceStatus(InstanceStatus.State.TERMINATED, "unknown instance " + instanceId);
        }
        return InstanceStates.status(found.get(0));
    }

    @Override
    public void terminate(List<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return;
        }
        try {
            ec2.terminateInstances(r -> r.instanceIds(instanceIds));
        } catch (Ec2Exception e) {
            if (!NOT_FOUND.equals(AwsClients.errorCode(e))) {
                throw e;
            }
            if (instanceIds.size() > 1) {
                // One id that is already gone fails the whole call: the others one by one.
                instanceIds.forEach(id -> terminate(List.of(id)));
            }
        }
    }

    @Override
    public List<String> findLive(String runId, String targetIdOrNull) {
        return tagged(runId, targetIdOrNull, List.of("pending", "running", "stopping", "stopped")).stream()
                .map(Instance::instanceId).toList();
    }

    /** Every live instance carrying this stack's tag: the sweeper's view. Untagged and other stacks' never appear. */
    @Override
    public List<TaggedInstance> findTagged() {
        List<Filter> filters = List.of(filter("tag:" + Ec2Tags.STACK, settings.stackName()), Filter.builder()
                .name("instance-state-name").values("pending", "running", "stopping", "stopped").build());
        return ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().filters(filters).build())
                .reservations().stream().flatMap(r -> r.instances().stream())
                .map(Ec2Fleet::toTagged).toList();
    }

    static TaggedInstance toTagged(Instance i) {
        java.util.Map<String, String> tags = new java.util.HashMap<>();
        i.tags().forEach(t -> tags.put(t.key(), t.value()));
        Instant deadline = null;
        try {
            deadline = tags.containsKey(Ec2Tags.DEADLINE) ? Instant.parse(tags.get(Ec2Tags.DEADLINE)) : null;
        } catch (java.time.format.DateTimeParseException e) {
            // an unreadable deadline is no deadline; the run's execution still decides
        }
        return new TaggedInstance(i.instanceId(), tags.getOrDefault(Ec2Tags.ROLE, TaggedInstance.BENCHMARK),
                tags.get(Ec2Tags.RUN), tags.get(Ec2Tags.TARGET), deadline, tags.get(Ec2Tags.EXECUTION));
    }

    private List<Instance> tagged(String runId, String targetIdOrNull, List<String> states) {
        List<Filter> filters = new ArrayList<>(List.of(filter("tag:" + Ec2Tags.STACK, settings.stackName()),
                filter("tag:" + Ec2Tags.RUN, runId), Filter.builder().name("instance-state-name").values(states).build()));
        if (targetIdOrNull != null) {
            filters.add(filter("tag:" + Ec2Tags.TARGET, targetIdOrNull));
        }
        return ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().filters(filters).build())
                .reservations().stream().flatMap(r -> r.instances().stream()).toList();
    }

    static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
