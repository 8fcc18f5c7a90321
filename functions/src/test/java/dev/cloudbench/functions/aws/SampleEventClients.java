package dev.cloudbench.functions.aws;

import java.util.Map;
import software.amazon.awssdk.services.codebuild.CodeBuildClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/** Each service at its own stand-in of a {@link SampleEventWorld}, as the AWS_ENDPOINT_URL_<SERVICE> variables route them. */
final class SampleEventClients {
    private SampleEventClients() {
    }

    static AwsClients of(SampleEventWorld world) {
        Map<AwsPorts.Service, java.net.URI> at = world.endpoints();
        return new AwsClients(b -> TestAws.clients(at.get(
                b instanceof Ec2ClientBuilder ? AwsPorts.Service.EC2
                        : b instanceof SsmClientBuilder ? AwsPorts.Service.SSM
                        : b instanceof S3ClientBuilder ? AwsPorts.Service.S3
                        : b instanceof CodeBuildClientBuilder ? AwsPorts.Service.CODEBUILD
                        : b instanceof SfnClientBuilder ? AwsPorts.Service.SFN
                        : b instanceof software.amazon.awssdk.services.servicequotas.ServiceQuotasClientBuilder
                                ? AwsPorts.Service.SERVICEQUOTAS : null)).customization().accept(b));
    }
}
