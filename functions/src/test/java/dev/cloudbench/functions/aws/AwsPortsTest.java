package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.functions.wiring.Functions;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

class AwsPortsTest {
    private static final ImageSources NO_SOURCES = new ImageSources(new byte[0]);

    @Test
    void forTask_buildsOnlyTheClientsItsTaskCalls() {
        for (Functions.Entry function : Functions.all()) {
            String task = function.name();
            List<AwsPorts.Service> built = new ArrayList<>();
            AwsClients recording = new AwsClients(b -> {
                built.add(b instanceof Ec2ClientBuilder ? AwsPorts.Service.EC2
                        : b instanceof SsmClientBuilder ? AwsPorts.Service.SSM
                        : b instanceof S3ClientBuilder ? AwsPorts.Service.S3
                        : b instanceof CodeBuildClientBuilder ? AwsPorts.Service.CODEBUILD
                        : b instanceof software.amazon.awssdk.services.sfn.SfnClientBuilder ? AwsPorts.Service.SFN
                        : b instanceof software.amazon.awssdk.services.servicequotas.ServiceQuotasClientBuilder
                                ? AwsPorts.Service.SERVICEQUOTAS : null);
                TestAws.clients(URI.create("http://127.0.0.1:9")).customization().accept(b);
            });

            AwsPorts.forTask(task, function.services(), TestAws.settings(), recording, Clock.systemUTC(), NO_SOURCES);

            assertThat(EnumSet.copyOf(built)).as(task).isEqualTo(function.services());
            assertThat(built).as(task).doesNotHaveDuplicates();
        }
    }

    @Test
    void aPortATaskDoesNotUse_failsLoudly_whenCalled() {
        Ports ports = Functions.get("PlanRun").awsPorts(TestAws.settings(), TestAws.clients(URI.create("http://127.0.0.1:9")),
                Clock.systemUTC(), NO_SOURCES);

        RemoteShellPort shell = ports.shell();
        assertThatThrownBy(() -> shell.isReady("i-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("task PlanRun does not use RemoteShellPort (isReady was called)");
    }

    @Test
    void forTask_namesTheMissingVariable() {
        AwsSettings noGroup = AwsSettings.fromEnvironment(Map.of("STACK_NAME", "s", "RESULTS_BUCKET", "b"));

        assertThatThrownBy(() -> Functions.get("LaunchInstance").awsPorts(noGroup,
                TestAws.clients(URI.create("http://127.0.0.1:9")), Clock.systemUTC(), NO_SOURCES))
                .isInstanceOf(IllegalStateException.class).hasMessage("environment variable SECURITY_GROUP_ID is not set");
        assertThatThrownBy(() -> Functions.get("PlanRun").awsPorts(AwsSettings.fromEnvironment(Map.of()),
                TestAws.clients(URI.create("http://127.0.0.1:9")), Clock.systemUTC(), NO_SOURCES))
                .hasMessage("environment variable RESULTS_BUCKET is not set");
    }

    @Test
    void settings_readTheDocumentedVariables() {
        AwsSettings s = AwsSettings.fromEnvironment(Map.of("STACK_NAME", "cb", "RESULTS_BUCKET", "bucket",
                "SUBNET_IDS", "subnet-a, subnet-b,", "SECURITY_GROUP_ID", "sg-1", "INSTANCE_PROFILE_ARN", "arn:p",
                "IMAGE_BUILD_PROJECT", "images", "ROOT_VOLUME_GIB", "50", "STATE_MACHINE_ARN", "arn:sm",
                "ALLOWED_INSTANCE_TYPES", "c7*.large, m7g.xlarge", "INSTANCE_ROLE_ID", "AROAEXAMPLE"));

        assertThat(s).isEqualTo(new AwsSettings("cb", "bucket", List.of("subnet-a", "subnet-b"), "sg-1", "arn:p",
                "images", 50, "arn:sm", List.of("c7*.large", "m7g.xlarge"), "AROAEXAMPLE"));
        assertThat(AwsSettings.fromEnvironment(Map.of()).rootVolumeGib()).isEqualTo(AwsSettings.DEFAULT_ROOT_VOLUME_GIB);
        assertThat(Set.copyOf(AwsSettings.fromEnvironment(Map.of()).subnetIds())).isEmpty();
    }
}
