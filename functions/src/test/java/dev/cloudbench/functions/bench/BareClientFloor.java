package dev.cloudbench.functions.bench;

import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;

/**
 * The floor a handler is held to: a bare SDK client of one service — UrlConnectionHttpClient, and
 * nothing else of ours; region, credentials and endpoint from the environment — and one read call
 * to the stand-in. Prints {@value HandlerColdStart#DONE} when the call returned. Run by
 * {@link ColdStartBenchmark} in a fresh JVM.
 */
public final class BareClientFloor {
    private BareClientFloor() {
    }

    /** @param args the service: EC2, SSM, S3, CODEBUILD, SFN or SERVICEQUOTAS */
    public static void main(String[] args) {
        long start = System.nanoTime();
        // Built the way our clients get theirs (AwsClients), so the shipped jar has the same methods.
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        Supplier<Object> call = switch (args[0]) {
            case "EC2" -> {
                Ec2Client c = Ec2Client.builder().httpClient(http).build();
                yield () -> c.describeInstances(r -> r.instanceIds(args[1]));
            }
            case "SSM" -> {
                SsmClient c = SsmClient.builder().httpClient(http).build();
                // The request form: the shipped jar keeps only the operation methods the functions call.
                yield () -> c.describeInstanceInformation(DescribeInstanceInformationRequest.builder().build());
            }
            case "S3" -> {
                S3Client c = S3Client.builder().httpClient(http).build();
                yield () -> c.getObjectAsBytes(r -> r.bucket(args[1]).key(args[2])).asUtf8String();
            }
            case "CODEBUILD" -> {
                CodeBuildClient c = CodeBuildClient.builder().httpClient(http).build();
                yield () -> c.batchGetBuilds(r -> r.ids(args[1]));
            }
            case "SFN" -> {
                SfnClient c = SfnClient.builder().httpClient(http).build();
                yield () -> c.describeExecution(r -> r.executionArn(args[1]));
            }
            case "SERVICEQUOTAS" -> {
                ServiceQuotasClient c = ServiceQuotasClient.builder().httpClient(http).build();
                yield () -> c.getServiceQuota(r -> r.serviceCode(args[1]).quotaCode(args[2]));
            }
            default -> throw new IllegalArgumentException("unknown service " + args[0]);
        };
        long built = System.nanoTime();
        Object answer = call.get();
        long answered = System.nanoTime();
        System.out.println(answer.toString().isEmpty() ? "empty answer" : "answered");
        System.out.println(HandlerColdStart.DONE + " " + (built - start) / 1000 + " " + (answered - built) / 1000);
    }
}
