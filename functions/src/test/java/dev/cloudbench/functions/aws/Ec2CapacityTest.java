package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The capacity check's facts from EC2 (query/XML) and Service Quotas (JSON 1.1) stand-ins. */
class Ec2CapacityTest {
    private final Ec2StandIn ec2 = new Ec2StandIn();
    private final JsonStandIn quotas = new JsonStandIn();
    private final Ec2Capacity capacity = capacity(TestAws.settings());

    private Ec2Capacity capacity(AwsSettings settings) {
        return new Ec2Capacity(TestAws.clients(ec2.server().endpoint()).ec2(),
                TestAws.clients(quotas.server().endpoint()).serviceQuotas(), settings);
    }

    @AfterEach
    void close() {
        ec2.close();
        quotas.close();
    }

    @Test
    void instanceTypes_describesKnownTypesByFilter_andLeavesUnknownOnesOut() {
        ec2.types.put("c7i.xlarge", new Ec2StandIn.Type(List.of("x86_64"), 2, 2, List.of("us-east-1c")));

        Map<String, InstanceTypeFacts> facts = capacity.instanceTypes(Set.of("c7g.large", "c7i.xlarge", "c7x.large"));

        assertThat(facts).containsOnlyKeys("c7g.large", "c7i.xlarge");
        assertThat(facts.get("c7g.large")).isEqualTo(new InstanceTypeFacts("c7g.large", List.of("arm64"), 2,
                List.of("us-east-1a", "us-east-1b"), List.of("on-demand", "spot"), true));
        assertThat(facts.get("c7i.xlarge").vcpus()).isEqualTo(4);
        assertThat(facts.get("c7i.xlarge").zones()).containsExactly("us-east-1c");
        // One call each, by filter: InstanceTypes=c7x.large would fail the whole call with InvalidInstanceType.
        assertThat(ec2.calls("DescribeInstanceTypes")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("Filter.1.Name", "instance-type").doesNotContainKey("InstanceType.1"));
        assertThat(ec2.calls("DescribeInstanceTypeOfferings")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("LocationType", "availability-zone").containsEntry("Filter.1.Name", "instance-type"));
    }

    @Test
    void zones_areTheConfiguredSubnetsZones_elseTheDefaultSubnets() {
        assertThat(capacity.zones()).containsExactly("us-east-1a", "us-east-1b");
        assertThat(ec2.calls("DescribeSubnets").get(0)).containsEntry("SubnetId.1", "subnet-a");

        AwsSettings s = TestAws.settings();
        Ec2Capacity defaults = capacity(new AwsSettings(s.stackName(), s.resultsBucket(), List.of(), s.securityGroupId(),
                s.instanceProfileArn(), s.imageBuildProject(), s.rootVolumeGib(), s.stateMachineArn(),
                s.allowedInstanceTypes(), s.instanceRoleId()));
        assertThat(defaults.zones()).containsExactly("us-east-1a", "us-east-1b");
        assertThat(ec2.calls("DescribeSubnets").get(1)).containsEntry("Filter.1.Name", "default-for-az");
    }

    @Test
    void vcpuQuotas_areTheAppliedStandardQuotas_withTheVcpusOfLiveStandardInstancesInUse() {
        quotas.on("GetServiceQuota", r -> JsonStandIn.ok("{\"Quota\":{\"ServiceCode\":\"ec2\",\"QuotaCode\":\""
                + r.path("QuotaCode").asText() + "\",\"QuotaName\":\"" + (r.path("QuotaCode").asText()
                .equals(Ec2Capacity.SPOT_QUOTA) ? "All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests"
                : "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances") + "\",\"Value\":32.0}}"));
        ec2.types.put("g5.xlarge", new Ec2StandIn.Type(List.of("x86_64"), 2, 2, List.of("us-east-1a")));
        ec2.instances.add(new Ec2StandIn.Instance("i-spot", "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", Map.of()));
        ec2.instances.add(new Ec2StandIn.Instance("i-od", "c7i.large", "pending", null, null, null, "us-east-1a",
                "ami-1", Map.of()));
        ec2.instances.add(new Ec2StandIn.Instance("i-gpu", "g5.xlarge", "running", null, null, null, "us-east-1a",
                "ami-1", Map.of()));
        ec2.instances.add(new Ec2StandIn.Instance("i-gone", "c7i.large", "terminated", null, null, null, "us-east-1a",
                "ami-1", Map.of()));

        Map<Market, VcpuQuota> q = capacity.vcpuQuotas();

        assertThat(q).containsOnlyKeys(Market.SPOT, Market.ON_DEMAND);
        assertThat(q.get(Market.ON_DEMAND)).isEqualTo(new VcpuQuota(
                "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances (L-1216C47A)", 32, 2));
        assertThat(q.get(Market.SPOT).inUse()).isEqualTo(2);
        assertThat(q.get(Market.SPOT).name()).endsWith("(L-34B43A08)");
        assertThat(quotas.calls("GetServiceQuota")).extracting(r -> r.path("ServiceCode").asText() + "/"
                + r.path("QuotaCode").asText()).containsExactly("ec2/L-1216C47A", "ec2/L-34B43A08");
    }

    @Test
    void vcpuQuotas_leaveOutAQuotaServiceQuotasHasNoValueFor() {
        quotas.on("GetServiceQuota", r -> r.path("QuotaCode").asText().equals(Ec2Capacity.SPOT_QUOTA)
                ? JsonStandIn.error("NoSuchResourceException", "The request failed because the specified service "
                        + "quota does not exist.")
                : JsonStandIn.ok("{\"Quota\":{\"QuotaCode\":\"L-1216C47A\",\"QuotaName\":\"od\",\"Value\":8.0}}"));

        assertThat(capacity.vcpuQuotas()).containsOnlyKeys(Market.ON_DEMAND);
    }

    @Test
    void standardFamilies_areTheOnesTheStandardQuotasCount() {
        assertThat(List.of("c7g.large", "m7i-flex.xlarge", "r8g.4xlarge", "t4g.nano", "im4gn.large", "is4gen.large",
                "i4i.large", "z1d.large", "a1.large", "d3.xlarge", "h1.2xlarge")).allMatch(Ec2Capacity::standard);
        assertThat(List.of("g5.xlarge", "p5.48xlarge", "inf2.xlarge", "trn1.2xlarge", "dl1.24xlarge", "x2idn.16xlarge",
                "hpc7g.4xlarge", "mac2.metal", "u-6tb1.metal", "f1.2xlarge", "vt1.3xlarge")).noneMatch(Ec2Capacity::standard);
    }

    @Test
    void theAllowedTypes_areTheDeploymentsAndMustBeSet() {
        assertThat(capacity.allowedInstanceTypes()).containsExactly("c7*.large", "c7*.xlarge");
        AwsSettings s = TestAws.settings();
        assertThatThrownBy(() -> capacity(new AwsSettings(s.stackName(), s.resultsBucket(), s.subnetIds(),
                s.securityGroupId(), s.instanceProfileArn(), s.imageBuildProject(), s.rootVolumeGib(), s.stateMachineArn(),
                s.instanceRoleId())))
                .hasMessage("environment variable ALLOWED_INSTANCE_TYPES is not set");
    }
}
