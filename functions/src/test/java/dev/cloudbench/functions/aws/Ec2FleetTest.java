package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.CapacityUnavailableException;
import dev.cloudbench.core.error.QuotaExceededException;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ec2.Ec2Client;

class Ec2FleetTest {
    private static final Instant DEADLINE = Instant.parse("2026-03-01T13:00:00Z");

    private final Ec2StandIn ec2 = new Ec2StandIn();
    private final Ec2Client client = TestAws.clients(ec2.server().endpoint()).ec2();
    private final Ec2Fleet fleet = new Ec2Fleet(client, TestAws.settings());

    {
        // The image the launches boot: this account's own (IAM allows RunInstances of no other).
        ec2.amis.add(new Ec2StandIn.Ami("ami-0abc", "arm64", "available", "2026-02-01T00:00:00.000Z", Map.of()));
    }

    @AfterEach
    void close() {
        client.close();
        ec2.close();
    }

    private static LaunchSpec spec(String type, String architecture, String market) {
        return new LaunchSpec("run-1", "t1", architecture, type, market, null, "ami-0abc", DEADLINE, 0);
    }

    @Test
    void launch_sendsLockedDownSpotRequest_inFirstZone() {
        LaunchedInstance launched = fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand"));

        assertThat(launched.market()).isEqualTo("spot");
        assertThat(launched.zone()).isEqualTo("us-east-1a");
        assertThat(launched.imageId()).isEqualTo("ami-0abc");
        assertThat(launched.reused()).isFalse();
        assertThat(launched.pricePerHour()).isEqualTo(0.0296);
        Map<String, String> run = ec2.calls("RunInstances").get(0);
        assertThat(run).containsEntry("InstanceType", "c7g.large")
                .containsEntry("ImageId", "ami-0abc")
                .containsEntry("MinCount", "1").containsEntry("MaxCount", "1")
                .containsEntry("SubnetId", "subnet-a")
                .containsEntry("SecurityGroupId.1", "sg-0123")
                .containsEntry("IamInstanceProfile.Arn", "arn:aws:iam::123456789012:instance-profile/cb-test-instance")
                .containsEntry("InstanceMarketOptions.MarketType", "spot")
                .containsEntry("InstanceMarketOptions.SpotOptions.SpotInstanceType", "one-time")
                .containsEntry("InstanceMarketOptions.SpotOptions.InstanceInterruptionBehavior", "terminate")
                .containsEntry("MetadataOptions.HttpTokens", "required")
                .containsEntry("MetadataOptions.HttpPutResponseHopLimit", "1")
                .containsEntry("MetadataOptions.HttpEndpoint", "enabled")
                .containsEntry("InstanceInitiatedShutdownBehavior", "terminate")
                .containsEntry("BlockDeviceMapping.1.DeviceName", "/dev/xvda")
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeType", "gp3")
                .containsEntry("BlockDeviceMapping.1.Ebs.Encrypted", "true")
                .containsEntry("BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true")
                .containsEntry("BlockDeviceMapping.1.Ebs.VolumeSize", "30")
                .containsEntry("ClientToken", LaunchPlan.clientToken(spec("c7g.large", "arm64", "x"), "spot", "us-east-1a"))
                .doesNotContainKey("KeyName")
                .doesNotContainKey("CpuOptions.ThreadsPerCore");
        assertThat(run.get("ClientToken")).hasSizeLessThanOrEqualTo(64);
        for (int spec = 1; spec <= 2; spec++) {
            String p = "TagSpecification." + spec + ".";
            assertThat(run.get(p + "ResourceType")).isEqualTo(spec == 1 ? "instance" : "volume");
            assertThat(tags(run, p)).containsEntry("cloudbench:stack", "cb-test")
                    .containsEntry("cloudbench:run-id", "run-1")
                    .containsEntry("cloudbench:target-id", "t1")
                    .containsEntry("cloudbench:deadline", "2026-03-01T13:00:00Z");
        }
        String userData = new String(Base64.getDecoder().decode(run.get("UserData")), StandardCharsets.UTF_8);
        assertThat(userData).startsWith("#!/bin/bash").contains("deadline=" + DEADLINE.getEpochSecond())
                .contains("shutdown -h \"+$minutes\"");
        assertThat(ec2.calls("DescribeSpotPriceHistory").get(0)).containsEntry("AvailabilityZone", "us-east-1a")
                .containsEntry("InstanceType.1", "c7g.large").containsEntry("ProductDescription.1", "Linux/UNIX");
    }

    @Test
    void launch_tagsInstanceAndVolume_withTheExecutionThatLaunchedThem() {
        String execution = "arn:aws:states:us-east-1:123456789012:execution:cb-test-benchmark:manual-1";
        fleet.launch(new LaunchSpec("run-1", "t1", "arm64", "c7g.large", "spot", null, "ami-0abc", DEADLINE, 0,
                execution));

        Map<String, String> run = ec2.calls("RunInstances").get(0);
        assertThat(tags(run, "TagSpecification.1.")).containsEntry(Ec2Tags.EXECUTION, execution);
        assertThat(tags(run, "TagSpecification.2.")).containsEntry(Ec2Tags.EXECUTION, execution);
        assertThat(fleet.findTagged()).singleElement().satisfies(t -> assertThat(t.executionArn()).isEqualTo(execution));
    }

    @Test
    void launch_withoutAKnownExecution_sendsNoExecutionTag() {
        fleet.launch(spec("c7g.large", "arm64", "spot"));

        assertThat(tags(ec2.calls("RunInstances").get(0), "TagSpecification.1.")).doesNotContainKey(Ec2Tags.EXECUTION);
        assertThat(fleet.findTagged()).singleElement().satisfies(t -> assertThat(t.executionArn()).isNull());
    }

    @Test
    void launch_refusesAnImageThisAccountDoesNotOwn_beforeRunInstances() {
        LaunchSpec foreign = new LaunchSpec("run-1", "t1", "arm64", "c7g.large", "spot", null, "ami-public", DEADLINE, 0);

        assertThatThrownBy(() -> fleet.launch(foreign)).hasMessageContaining("ami-public does not exist in this account");
        assertThat(ec2.calls("DescribeImages")).singleElement().satisfies(r ->
                assertThat(r).containsEntry("ImageId.1", "ami-public").containsEntry("Owner.1", "self"));
        assertThat(ec2.calls("RunInstances")).isEmpty();
    }

    private static Map<String, String> tags(Map<String, String> run, String prefix) {
        Map<String, String> tags = new java.util.HashMap<>();
        for (int t = 1; run.containsKey(prefix + "Tag." + t + ".Key"); t++) {
            tags.put(run.get(prefix + "Tag." + t + ".Key"), run.get(prefix + "Tag." + t + ".Value"));
        }
        return tags;
    }

    @Test
    void launch_disablesSmt_whenTargetAsksForOneThreadPerCore() {
        fleet.launch(new LaunchSpec("run-1", "t1", "x86_64", "c7i.large", "on-demand", 1, "ami-0abc", DEADLINE, 0));

        assertThat(ec2.calls("RunInstances").get(0)).containsEntry("CpuOptions.ThreadsPerCore", "1")
                .containsEntry("CpuOptions.CoreCount", "1")
                .doesNotContainKey("InstanceMarketOptions.MarketType");
    }

    @Test
    void launch_spreadsOverZones_whenSpotCapacityIsShortInTheFirst() {
        ec2.launchErrors.put("spot/us-east-1a", "InsufficientInstanceCapacity");

        LaunchedInstance launched = fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand"));

        assertThat(launched.market()).isEqualTo("spot");
        assertThat(launched.zone()).isEqualTo("us-east-1b");
        assertThat(ec2.calls("RunInstances")).extracting(r -> r.get("SubnetId")).containsExactly("subnet-a", "subnet-b");
        assertThat(ec2.calls("RunInstances")).extracting(r -> r.get("InstanceType")).containsOnly("c7g.large");
    }

    /** Three subnets in three zones, of which {@code offered} offer c7g.large. */
    private Ec2Fleet threeZoneFleet(List<String> offered) {
        ec2.subnets.put("subnet-c", "us-east-1c");
        ec2.types.put("c7g.large", new Ec2StandIn.Type(List.of("arm64"), 2, 1, offered));
        AwsSettings s = TestAws.settings();
        return new Ec2Fleet(client, new AwsSettings(s.stackName(), s.resultsBucket(),
                List.of("subnet-a", "subnet-b", "subnet-c"), s.securityGroupId(), s.instanceProfileArn(),
                s.imageBuildProject(), s.rootVolumeGib(), s.stateMachineArn(), s.allowedInstanceTypes(),
                s.instanceRoleId()));
    }

    private static LaunchSpec replica(int k) {
        return new LaunchSpec("run-1", "t1-r" + k, "arm64", "c7g.large", "spot", null, "ami-0abc", DEADLINE, 0, null,
                k - 1);
    }

    @Test
    void launch_putsTheKthReplicaInTheKthZone_roundRobinOverTheZonesOfferingTheType() {
        Ec2Fleet fleet = threeZoneFleet(List.of("us-east-1a", "us-east-1c"));

        List<String> zones = List.of(1, 2, 3, 4).stream().map(k -> fleet.launch(replica(k)).zone()).toList();

        // us-east-1b does not offer the type: the rotation is over a and c only.
        assertThat(zones).containsExactly("us-east-1a", "us-east-1c", "us-east-1a", "us-east-1c");
        assertThat(ec2.calls("RunInstances")).extracting(r -> r.get("SubnetId"))
                .containsExactly("subnet-a", "subnet-c", "subnet-a", "subnet-c");
        assertThat(ec2.calls("RunInstances")).extracting(r -> tags(r, "TagSpecification.1.").get("cloudbench:target-id"))
                .containsExactly("t1-r1", "t1-r2", "t1-r3", "t1-r4");
    }

    @Test
    void launch_ofAReplica_fallsBackToTheOtherZonesInOrder_whenItsOwnZoneIsShort() {
        Ec2Fleet fleet = threeZoneFleet(List.of("us-east-1a", "us-east-1b", "us-east-1c"));
        ec2.launchErrors.put("spot/us-east-1b", "InsufficientInstanceCapacity");
        ec2.launchErrors.put("spot/us-east-1c", "InsufficientInstanceCapacity");

        LaunchedInstance launched = fleet.launch(replica(2));

        assertThat(launched.zone()).isEqualTo("us-east-1a");
        assertThat(ec2.calls("RunInstances")).extracting(r -> r.get("SubnetId"))
                .containsExactly("subnet-b", "subnet-c", "subnet-a");
        assertThat(ec2.calls("RunInstances")).extracting(r -> r.get("ClientToken")).doesNotHaveDuplicates();
    }

    @Test
    void launch_fallsBackToOnDemand_whenSpotCapacityIsShort() {
        ec2.launchErrors.put("spot/us-east-1a", "InsufficientInstanceCapacity");
        ec2.launchErrors.put("spot/us-east-1b", "SpotMaxPriceTooLow");

        LaunchedInstance launched = fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand"));

        assertThat(launched.market()).isEqualTo("on-demand");
        assertThat(launched.pricePerHour()).isNull();
        List<Map<String, String>> runs = ec2.calls("RunInstances");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(2)).doesNotContainKey("InstanceMarketOptions.MarketType")
                .containsEntry("InstanceType", "c7g.large").containsEntry("SubnetId", "subnet-a");
        assertThat(runs).extracting(r -> r.get("ClientToken")).doesNotHaveDuplicates();
        assertThat(ec2.calls("DescribeSpotPriceHistory")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"spot", "on-demand"})
    void launch_staysInItsMarket_whenTheMarketIsStrict(String market) {
        ec2.launchErrors.put(market + "/us-east-1a", "InsufficientInstanceCapacity");
        ec2.launchErrors.put(market + "/us-east-1b", "InsufficientInstanceCapacity");

        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "arm64", market)))
                .isInstanceOf(CapacityUnavailableException.class)
                .hasMessageContaining("c7g.large").hasMessageContaining("us-east-1a").hasMessageContaining("us-east-1b");
        assertThat(ec2.calls("RunInstances")).hasSize(2);
    }

    static List<String> capacityCodes() {
        return AwsClients.CAPACITY_CODES.stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("capacityCodes")
    void launch_treatsCapacityCodes_asCapacity_withoutRetryingInTheSdk(String code) {
        ec2.launchErrors.put("spot/us-east-1a", code);
        ec2.launchErrors.put("spot/us-east-1b", code);
        ec2.launchErrors.put("on-demand/us-east-1a", code);
        ec2.launchErrors.put("on-demand/us-east-1b", code);

        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand")))
                .isInstanceOf(CapacityUnavailableException.class).hasMessageContaining(code);
        // One call per market and zone: none repeated by the SDK's retries.
        assertThat(ec2.calls("RunInstances")).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VcpuLimitExceeded", "InstanceLimitExceeded", "VolumeLimitExceeded"})
    void launch_failsWithQuotaExceeded_withoutTryingOtherZones(String code) {
        ec2.launchErrors.put("spot/us-east-1a", code);

        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand")))
                .isInstanceOf(QuotaExceededException.class).hasMessageContaining(code);
        assertThat(ec2.calls("RunInstances")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unsupported", "InvalidInstanceType"})
    void launch_failsWithBadInput_whenTheTypeIsUnsupported(String code) {
        ec2.launchErrors.put("spot/us-east-1a", code);

        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand")))
                .isInstanceOf(BadInputException.class).hasMessageContaining(code);
        assertThat(ec2.calls("RunInstances")).hasSize(1);
    }

    @Test
    void launch_rejectsWrongArchitecture_beforeAnyLaunchCall() {
        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "x86_64", "spot-or-on-demand")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("c7g.large runs arm64, not x86_64");

        assertThat(ec2.calls("DescribeInstanceTypes").get(0)).containsEntry("InstanceType.1", "c7g.large");
        assertThat(ec2.calls("RunInstances")).isEmpty();
        assertThat(ec2.calls("CreateFleet")).isEmpty();
    }

    @Test
    void launch_rejectsUnknownType_beforeAnyLaunchCall() {
        assertThatThrownBy(() -> fleet.launch(spec("c9z.huge", "x86_64", "on-demand")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown instance type 'c9z.huge'");
        assertThat(ec2.calls("RunInstances")).isEmpty();
    }

    @Test
    void launch_usesOnlyZonesThatOfferTheType() {
        ec2.types.put("c7g.large", new Ec2StandIn.Type(List.of("arm64"), 2, 1, List.of("us-east-1b")));

        LaunchedInstance launched = fleet.launch(spec("c7g.large", "arm64", "on-demand"));

        assertThat(launched.zone()).isEqualTo("us-east-1b");
        assertThat(ec2.calls("RunInstances")).extracting(r -> r.get("SubnetId")).containsExactly("subnet-b");
    }

    @Test
    void launch_rejectsType_offeredInNoZoneOfTheSubnets() {
        ec2.types.put("c7g.large", new Ec2StandIn.Type(List.of("arm64"), 2, 1, List.of("us-east-1f")));

        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "arm64", "on-demand")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not offered");
        assertThat(ec2.calls("RunInstances")).isEmpty();
    }

    @Test
    void launch_reusesTheInstance_whenARetriedLaunchFindsItTagged() {
        LaunchedInstance first = fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand"));

        LaunchedInstance retried = fleet.launch(spec("c7g.large", "arm64", "spot-or-on-demand"));

        assertThat(retried.instanceId()).isEqualTo(first.instanceId());
        assertThat(retried.reused()).isTrue();
        assertThat(retried.market()).isEqualTo("spot");
        assertThat(ec2.calls("RunInstances")).hasSize(1);
        Map<String, String> lookup = ec2.calls("DescribeInstances").get(1);
        assertThat(lookup).containsValues("tag:cloudbench:stack", "tag:cloudbench:run-id", "tag:cloudbench:target-id",
                "instance-state-name", "run-1", "t1", "pending", "running");
    }

    @Test
    void launch_startsANewInstance_whenTheTaggedOneIsAlreadyTerminated() {
        ec2.instances.add(new Ec2StandIn.Instance("i-old", "c7g.large", "terminated", null, null, "spot",
                "us-east-1a", "ami-0abc", Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", "run-1",
                "cloudbench:target-id", "t1")));

        LaunchedInstance launched = fleet.launch(spec("c7g.large", "arm64", "spot"));

        assertThat(launched.instanceId()).isNotEqualTo("i-old");
        assertThat(ec2.calls("RunInstances")).hasSize(1);
    }

    @Test
    void launch_retriesThrottling_withBackoff() {
        ec2.failOnce("RunInstances", "RequestLimitExceeded");

        LaunchedInstance launched = fleet.launch(spec("c7g.large", "arm64", "on-demand"));

        assertThat(launched.zone()).isEqualTo("us-east-1a");
        List<Map<String, String>> runs = ec2.calls("RunInstances");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).get("ClientToken")).isEqualTo(runs.get(0).get("ClientToken"));
    }

    @Test
    void launch_reportsATokenReusedWithOtherParameters_asAnInternalError() {
        ec2.failOnce("RunInstances", "IdempotentParameterMismatch");

        assertThatThrownBy(() -> fleet.launch(spec("c7g.large", "arm64", "on-demand")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client token");
        assertThat(ec2.calls("RunInstances")).hasSize(1);
    }

    private void instance(String id, String state, String reasonCode, String message) {
        ec2.instances.add(new Ec2StandIn.Instance(id, "c7g.large", state, reasonCode, message, "spot", "us-east-1a",
                "ami-0abc", Map.of()));
    }

    @Test
    void describe_mapsStatesAndReasons() {
        instance("i-pending", "pending", null, null);
        instance("i-running", "running", null, null);
        instance("i-reclaimed", "terminated", "Server.SpotInstanceTermination",
                "Server.SpotInstanceTermination: Spot instance termination");
        instance("i-ended", "terminated", "Client.InstanceInitiatedShutdown",
                "Client.InstanceInitiatedShutdown: Instance initiated shutdown");
        instance("i-short", "terminated", "Server.InsufficientInstanceCapacity",
                "Server.InsufficientInstanceCapacity: Insufficient capacity to satisfy instance request");

        assertThat(fleet.describe("i-pending").state()).isEqualTo(InstanceStatus.State.PENDING);
        assertThat(fleet.describe("i-running").state()).isEqualTo(InstanceStatus.State.RUNNING);
        assertThat(fleet.describe("i-reclaimed").state()).isEqualTo(InstanceStatus.State.INTERRUPTED);
        InstanceStatus ended = fleet.describe("i-ended");
        assertThat(ended.state()).isEqualTo(InstanceStatus.State.TERMINATED);
        assertThat(ended.reason()).contains("Instance initiated shutdown");
        assertThatThrownBy(() -> fleet.describe("i-short")).isInstanceOf(CapacityUnavailableException.class)
                .hasMessageContaining("Insufficient capacity");
        assertThat(fleet.describe("i-unknown").state()).isEqualTo(InstanceStatus.State.TERMINATED);
    }

    @Test
    void terminate_succeeds_whenSomeInstancesAreAlreadyGone() {
        instance("i-live", "running", null, null);

        fleet.terminate(List.of("i-gone", "i-live"));

        assertThat(ec2.calls("TerminateInstances")).extracting(r -> r.get("InstanceId.1"))
                .containsExactly("i-gone", "i-gone", "i-live");
    }

    @Test
    void findLive_findsTheRunsInstances_acrossPages() {
        ec2.describePageSize = 1;
        for (String id : List.of("i-1", "i-2", "i-3")) {
            ec2.instances.add(new Ec2StandIn.Instance(id, "c7g.large", id.equals("i-3") ? "terminated" : "running",
                    null, null, null, "us-east-1a", "ami-0abc", Map.of("cloudbench:stack", "cb-test",
                    "cloudbench:run-id", "run-1", "cloudbench:target-id", "t-" + id)));
        }
        ec2.instances.add(new Ec2StandIn.Instance("i-other", "c7g.large", "running", null, null, null, "us-east-1a",
                "ami-0abc", Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", "run-2")));

        assertThat(fleet.findLive("run-1", null)).containsExactly("i-1", "i-2");
        assertThat(fleet.findLive("run-1", "t-i-2")).containsExactly("i-2");
        assertThat(ec2.calls("DescribeInstances").size()).isGreaterThanOrEqualTo(3);
    }
}
