package dev.cloudbench.cli.cloud;

import dev.cloudbench.functions.aws.AwsClients;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The SDK clients of one command, each built on first use by the functions' {@link AwsClients}
 * factory (UrlConnectionHttpClient, default region and credentials chains, standard endpoint
 * variables) — CloudFormation, which only the CLI calls, the same way.
 */
public final class CloudClients {
    private final AwsClients factory;
    private SfnClient sfn;
    private S3Client s3;
    private Ec2Client ec2;
    private CloudFormationClient cloudFormation;

    public CloudClients(AwsClients factory) {
        this.factory = factory;
    }

    public synchronized SfnClient sfn() {
        if (sfn == null) {
            sfn = factory.sfn();
        }
        return sfn;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = factory.s3();
        }
        return s3;
    }

    public synchronized Ec2Client ec2() {
        if (ec2 == null) {
            ec2 = factory.ec2();
        }
        return ec2;
    }

    public synchronized CloudFormationClient cloudFormation() {
        if (cloudFormation == null) {
            var builder = CloudFormationClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
            factory.customization().accept(builder);
            cloudFormation = builder.build();
        }
        return cloudFormation;
    }

    /** The region the clients talk to (resolving it fails as the SDK does when none is configured). */
    public String region() {
        return cloudFormation().serviceClientConfiguration().region().id();
    }
}
