package dev.cloudbench.functions.aws;

import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.ImagePort;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.port.ResultStorePort;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.functions.RunIdSuffix;
import dev.cloudbench.functions.Functions;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS adapters of one task. Each Lambda function runs one task, so it builds only the SDK
 * clients that task calls ({@link #SERVICES}) — once, when its handler is constructed (outside
 * {@code handleRequest}, so SnapStart snapshots them). Ports and clients a task never calls are
 * stand-ins that fail loudly if called ({@link #unused}), never null.
 */
public final class AwsPorts {
    /** The AWS services a task may call. */
    public enum Service { EC2, SSM, S3, CODEBUILD, SFN, SERVICEQUOTAS }

    /** What each function of {@link Functions} calls; also the basis of each function's IAM policy. */
    public static final Map<String, Set<Service>> SERVICES = Map.ofEntries(
            Map.entry("PlanRun", EnumSet.of(Service.S3, Service.EC2, Service.SERVICEQUOTAS)),
            Map.entry("ResolveImages", EnumSet.of(Service.S3, Service.EC2)),
            Map.entry("StartImageBuild", EnumSet.of(Service.S3, Service.CODEBUILD)),
            Map.entry("CheckImageBuild", EnumSet.of(Service.CODEBUILD)),
            Map.entry("LaunchInstance", EnumSet.of(Service.EC2)),
            Map.entry("CheckInstance", EnumSet.of(Service.EC2, Service.SSM)),
            Map.entry("StartBenchmark", EnumSet.of(Service.S3, Service.SSM)),
            Map.entry("AwaitBenchmark", EnumSet.of(Service.S3, Service.SSM, Service.SFN)),
            Map.entry("CheckBenchmark", EnumSet.of(Service.S3, Service.SSM, Service.EC2)),
            Map.entry("CollectResults", EnumSet.of(Service.S3)),
            Map.entry("TerminateInstance", EnumSet.of(Service.EC2)),
            Map.entry("TerminateAfterFailure", EnumSet.of(Service.EC2, Service.S3)),
            Map.entry("PublishReport", EnumSet.of(Service.S3)),
            Map.entry("CleanupRun", EnumSet.of(Service.EC2)),
            Map.entry("CleanupExecution", EnumSet.of(Service.EC2)),
            Map.entry("Sweep", EnumSet.of(Service.EC2, Service.SFN)),
            Map.entry("BenchmarkFinished", EnumSet.of(Service.S3, Service.SFN)));

    private AwsPorts() {
    }

    /** The ports of {@code task} from this process's environment; what a handler's Lambda constructor uses. */
    public static Ports forTask(String task) {
        return forTask(task, AwsSettings.fromEnvironment(System.getenv()), AwsClients.fromEnvironment(),
                Clock.systemUTC(), ImageSources.fromClasspath());
    }

    /**
     * @throws IllegalArgumentException when {@code task} is not a task of the state machine
     * @throws IllegalStateException    when a variable the task's adapters need is not set
     */
    public static Ports forTask(String task, AwsSettings settings, AwsClients clients, Clock clock,
                                ImageSources sources) {
        Set<Service> used = SERVICES.get(task);
        if (used == null || Functions.named(task).isEmpty()) {
            throw new IllegalArgumentException("unknown task '" + task + "' (known: " + SERVICES.keySet() + ")");
        }
        // Adapters a task builds may take a client of a service it never calls. Those clients are
        // SDK interfaces whose every operation throws UnsupportedOperationException by default;
        // not Proxy proxies, whose construction loads every operation's request and response
        // classes (thousands for EC2, seconds of cold start).
        String unused = "unused by " + task;
        Ec2Client ec2 = used.contains(Service.EC2) ? clients.ec2() : new Ec2Client() {
            @Override public String serviceName() { return unused; }
            @Override public void close() { }
        };
        S3Client s3 = used.contains(Service.S3) ? clients.s3() : new S3Client() {
            @Override public String serviceName() { return unused; }
            @Override public void close() { }
        };
        CodeBuildClient codeBuild = used.contains(Service.CODEBUILD) ? clients.codeBuild() : new CodeBuildClient() {
            @Override public String serviceName() { return unused; }
            @Override public void close() { }
        };

        S3ResultStore s3Store = new S3ResultStore(s3, settings.resultsBucket(), settings.instanceRoleId());
        ResultStorePort store = unused(ResultStorePort.class, task);
        if (used.contains(Service.S3)) {
            s3Store.bucket(); // fails now, not in the middle of a run, when RESULTS_BUCKET is missing
            store = s3Store;
        }
        FleetPort fleet = used.contains(Service.EC2) ? new Ec2Fleet(ec2, settings) : unused(FleetPort.class, task);
        RemoteShellPort shell = used.contains(Service.SSM) ? new SsmShell(clients.ssm(), s3Store, clock)
                : unused(RemoteShellPort.class, task);
        ImagePort images = used.contains(Service.EC2) || used.contains(Service.CODEBUILD)
                ? new CodeBuildImages(codeBuild, ec2, s3Store, sources, settings.imageBuildProject())
                : unused(ImagePort.class, task);
        ExecutionsPort executions = used.contains(Service.SFN)
                ? new SfnExecutions(clients.sfn(), settings.stateMachineArn()) : unused(ExecutionsPort.class, task);
        CapacityPort capacity = used.contains(Service.SERVICEQUOTAS)
                ? new Ec2Capacity(ec2, clients.serviceQuotas(), settings) : unused(CapacityPort.class, task);
        return new Ports(images, fleet, shell, store, executions, clock, RunIdSuffix::random, capacity);
    }

    /**
     * An implementation of {@code type} — one of the ports — for a task that never calls it:
     * every call fails with an {@link IllegalStateException} naming the task, which would be a
     * wiring mistake.
     */
    public static <T> T unused(Class<T> type, String task) {
        return type.cast(new UnusedPort(type.getSimpleName(), task));
    }
}
