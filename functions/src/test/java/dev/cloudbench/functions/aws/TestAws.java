package dev.cloudbench.functions.aws;

import java.net.URI;
import java.util.List;
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
                INSTANCE_ROLE_ID);
    }
}
