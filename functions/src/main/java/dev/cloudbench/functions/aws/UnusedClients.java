package dev.cloudbench.functions.aws;

import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * SDK clients for a task that never calls their service (an adapter it builds takes one, but the
 * task never reaches the calls that use it): every operation throws the
 * {@link UnsupportedOperationException} of the SDK interface's default methods, and
 * {@code toString} names the task.
 *
 * <p>Not {@link java.lang.reflect.Proxy} proxies: building a proxy of a client interface loads the
 * request, response and builder class of every operation of the service — for EC2 thousands of
 * classes and seconds of cold start, for a client the task never calls.
 */
final class UnusedClients {
    private UnusedClients() {
    }

    static Ec2Client ec2(String task) {
        return new Ec2Client() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return "unused EC2 client of " + task;
            }
        };
    }

    static SsmClient ssm(String task) {
        return new SsmClient() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return "unused SSM client of " + task;
            }
        };
    }

    static S3Client s3(String task) {
        return new S3Client() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return "unused S3 client of " + task;
            }
        };
    }

    static CodeBuildClient codeBuild(String task) {
        return new CodeBuildClient() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }

            @Override
            public String toString() {
                return "unused CodeBuild client of " + task;
            }
        };
    }
}
