package dev.cloudbench.functions.aws;

import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** Clients and settings for adapter tests: a stand-in's endpoint, a fixed region, static credentials. */
final class TestAws {
    static final String BUCKET = "cloudbench-results-test";
    /** The instances' role id: the first half of their aws:userid, so of their inbox. */
    static final String INSTANCE_ROLE_ID = "AROATESTINSTANCEROLE";

    private TestAws() {
    }

    static AwsClients clients(URI endpoint) {
        return new AwsClients(b -> b.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))));
    }

    static AwsSettings settings() {
        return new AwsSettings("cb-test", BUCKET, List.of("subnet-a", "subnet-b"), "sg-0123",
                "arn:aws:iam::123456789012:instance-profile/cb-test-instance", "cb-test-images",
                AwsSettings.DEFAULT_ROOT_VOLUME_GIB, "arn:aws:states:eu-west-1:123456789012:stateMachine:cb-test-benchmark",
                List.of("c7*.large", "c7*.xlarge"), INSTANCE_ROLE_ID);
    }

    /** A region where c7g.large (arm64) and c7i.large (x86_64) exist in the stack's zones, with no quota known. */
    static CapacityPort capacity() {
        Map<String, String> arch = Map.of("c7g.large", "arm64", "c7i.large", "x86_64");
        return new CapacityPort() {
            @Override public List<String> zones() { return List.of("us-east-1a"); }
            @Override public Map<String, InstanceTypeFacts> instanceTypes(Set<String> types) {
                return types.stream().filter(arch::containsKey).collect(Collectors.toMap(t -> t, t ->
                        new InstanceTypeFacts(t, List.of(arch.get(t)), 2, List.of("us-east-1a"),
                                List.of("spot", "on-demand"), true)));
            }
            @Override public List<String> allowedInstanceTypes() { return List.of("c7*.large"); }
            @Override public Map<Market, VcpuQuota> vcpuQuotas() { return Map.of(); }
        };
    }
}
