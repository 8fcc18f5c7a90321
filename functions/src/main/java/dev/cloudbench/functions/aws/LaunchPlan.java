package dev.cloudbench.functions.aws;

import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.TaggedInstance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.InstanceInterruptionBehavior;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.SpotInstanceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * The RunInstances requests of one target's launch, one per market and zone. Everything the
 * security defaults ask for is here: IMDSv2 required with hop limit 1, no key pair, the stack's
 * security group, the instance profile, an encrypted gp3 root volume deleted with the instance,
 * shutdown meaning terminate, a shutdown scheduled at the deadline, and the run's tags on instance
 * and volume.
 */
final class LaunchPlan {
    static final String SPOT = "spot";
    static final String ON_DEMAND = "on-demand";

    /** A subnet and its availability zone. */
    record Zone(String name, String subnetId) {
    }

    private final LaunchSpec spec;
    private final InstanceTypeInfo type;
    private final Image image;
    private final AwsSettings settings;

    LaunchPlan(LaunchSpec spec, InstanceTypeInfo type, Image image, AwsSettings settings) {
        this.spec = spec;
        this.type = type;
        this.image = image;
        this.settings = settings;
    }

    RunInstancesRequest request(String market, Zone zone) {
        RunInstancesRequest.Builder b = RunInstancesRequest.builder()
                .clientToken(clientToken(spec, market, zone.name()))
                .imageId(spec.imageId())
                .instanceType(spec.instanceType())
                .minCount(1).maxCount(1)
                .subnetId(zone.subnetId())
                .securityGroupIds(settings.securityGroupId())
                .iamInstanceProfile(p -> p.arn(settings.instanceProfileArn()))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED)
                        .httpEndpoint(InstanceMetadataEndpointState.ENABLED).httpPutResponseHopLimit(1))
                .blockDeviceMappings(rootVolume())
                .instanceInitiatedShutdownBehavior(ShutdownBehavior.TERMINATE)
                .userData(Base64.getEncoder().encodeToString(userData(spec).getBytes(StandardCharsets.UTF_8)))
                .tagSpecifications(tags());
        Integer defaultThreads = type.vCpuInfo() == null ? null : type.vCpuInfo().defaultThreadsPerCore();
        if (spec.threadsPerCore() != null && defaultThreads != null && spec.threadsPerCore() < defaultThreads) {
            b.cpuOptions(c -> c.coreCount(type.vCpuInfo().defaultCores()).threadsPerCore(spec.threadsPerCore()));
        }
        if (SPOT.equals(market)) {
            b.instanceMarketOptions(o -> o.marketType(MarketType.SPOT)
                    .spotOptions(s -> s.spotInstanceType(SpotInstanceType.ONE_TIME)
                            .instanceInterruptionBehavior(InstanceInterruptionBehavior.TERMINATE)));
        }
        return b.build();
    }

    /**
     * The idempotency token of one attempt. Run, target and attempt make a Lambda retry find the
     * same launch; market and zone give every fallback step its own token, since EC2 refuses a
     * known token with other parameters (IdempotentParameterMismatch). At most 64 ASCII characters.
     */
    static String clientToken(LaunchSpec spec, String market, String zone) {
        String key = String.join("\n", spec.runId(), spec.targetId(), Integer.toString(spec.attempt()), market, zone);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "cb-" + HexFormat.of().formatHex(digest).substring(0, 61);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Boot script: the instance ends itself at the deadline, whatever happens to the control plane. */
    static String userData(LaunchSpec spec) {
        return "#!/bin/bash\n"
                + "# cloudbench: run " + spec.runId() + ", target " + spec.targetId() + ".\n"
                + "# Shutting down terminates this instance (InstanceInitiatedShutdownBehavior=terminate).\n"
                + "deadline=" + spec.deadline().getEpochSecond() + "\n"
                + "minutes=$(( (deadline - $(date +%s)) / 60 ))\n"
                + "if [ \"$minutes\" -lt 0 ]; then minutes=0; fi\n"
                + "shutdown -h \"+$minutes\" 'cloudbench: run deadline " + spec.deadline() + "'\n";
    }

    private BlockDeviceMapping rootVolume() {
        int imageGib = image.blockDeviceMappings().stream()
                .filter(m -> image.rootDeviceName().equals(m.deviceName()) && m.ebs() != null
                        && m.ebs().volumeSize() != null)
                .map(m -> m.ebs().volumeSize()).findFirst().orElse(0);
        return BlockDeviceMapping.builder().deviceName(image.rootDeviceName())
                .ebs(e -> e.volumeType(VolumeType.GP3).encrypted(true).deleteOnTermination(true)
                        .volumeSize(Math.max(settings.rootVolumeGib(), imageGib)))
                .build();
    }

    private List<TagSpecification> tags() {
        List<Tag> tags = new ArrayList<>(List.of(tag("Name", "cloudbench " + spec.runId() + " " + spec.targetId()),
                tag(Ec2Tags.STACK, settings.stackName()), tag(Ec2Tags.RUN, spec.runId()),
                tag(Ec2Tags.TARGET, spec.targetId()), tag(Ec2Tags.DEADLINE, spec.deadline().toString()),
                tag(Ec2Tags.ROLE, TaggedInstance.BENCHMARK)));
        if (spec.executionArn() != null) {
            tags.add(tag(Ec2Tags.EXECUTION, spec.executionArn()));
        }
        return List.of(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tags).build(),
                TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tags).build());
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
