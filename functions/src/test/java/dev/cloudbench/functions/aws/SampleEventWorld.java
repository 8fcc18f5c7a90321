package dev.cloudbench.functions.aws;

import dev.cloudbench.core.model.Architecture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every AWS service the functions call, as stand-ins on loopback, holding the state in which each
 * sample event of {@code functions/events} is served on its happy path: the run of the samples
 * planned, its instance running and online, its benchmarks' results uploaded, its image built.
 * {@link #reset} puts that state back before each invocation, so that an invocation that writes
 * (Plan Run claims the run id) can be repeated.
 *
 * <p>Used by the tests that serve every sample event and by the cold-start benchmark, which points
 * fresh JVMs at it through {@link #environment()}.
 */
public final class SampleEventWorld implements AutoCloseable {
    public static final String BUCKET = "cloudbench-results-sample";
    public static final String STACK = "cb-sample";
    public static final String STATE_MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:cb-sample-benchmark";
    static final String RUN = "quickstart-20260301T120000Z-a1b2";
    static final String TARGET = "c7g.large-arm64";
    static final String INSTANCE = "i-0123456789abcdef0";
    static final String BUILD = "cloudbench-images:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    static final String COMMAND = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    private final Ec2StandIn ec2 = new Ec2StandIn();
    private final JsonStandIn ssm = new JsonStandIn();
    private final JsonStandIn codeBuild = new JsonStandIn();
    private final JsonStandIn sfn = new JsonStandIn();
    private final S3StandIn s3 = new S3StandIn(BUCKET);
    private final JsonStandIn serviceQuotas = new JsonStandIn();
    private final byte[] request;
    private final ImageSources sources;

    /**
     * @param events  the sample events ({@code functions/events})
     * @param sources the image sources the functions fingerprint: the image of each fingerprint exists
     */
    public SampleEventWorld(Path events, ImageSources sources) {
        this.sources = sources;
        try {
            request = JsonStandIn.JSON.writeValueAsBytes(
                    JsonStandIn.JSON.readTree(Files.readAllBytes(events.resolve("PlanRun.json"))).path("request"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ssm.answer("DescribeInstanceInformation", "{\"InstanceInformationList\":[{\"InstanceId\":\"" + INSTANCE
                + "\",\"PingStatus\":\"Online\"}]}");
        ssm.answer("SendCommand", "{\"Command\":{\"CommandId\":\"" + COMMAND + "\",\"Status\":\"Pending\"}}");
        ssm.answer("GetCommandInvocation", "{\"CommandId\":\"" + COMMAND + "\",\"InstanceId\":\"" + INSTANCE
                + "\",\"Status\":\"Success\",\"StatusDetails\":\"Success\",\"ResponseCode\":0}");
        codeBuild.answer("StartBuild", "{\"build\":{\"id\":\"" + BUILD + "\",\"buildStatus\":\"IN_PROGRESS\"}}");
        codeBuild.answer("BatchGetBuilds", "{\"builds\":[{\"id\":\"" + BUILD + "\",\"buildStatus\":\"SUCCEEDED\"}]}");
        sfn.answer("DescribeExecution", "{\"executionArn\":\"" + SfnExecutions.executionArn(STATE_MACHINE, RUN)
                + "\",\"stateMachineArn\":\"" + STATE_MACHINE + "\",\"status\":\"RUNNING\",\"startDate\":1772366400}");
        sfn.answer("SendTaskSuccess", "{}");
        serviceQuotas.on("GetServiceQuota", r -> JsonStandIn.ok("{\"Quota\":{\"ServiceCode\":\"ec2\",\"QuotaCode\":\""
                + r.path("QuotaCode").asText() + "\",\"QuotaName\":\"standard vCPUs\",\"Value\":640.0}}"));
        reset("PlanRun");
    }

    /** The state in which {@code function}'s sample event takes its happy path. */
    public synchronized void reset(String function) {
        s3.objects.clear();
        if (!function.equals("PlanRun")) { // Plan Run claims the run id: it must be free
            s3.objects.put("runs/" + RUN + "/request.json", request);
        }
        if (function.equals("BenchmarkFinished")) { // the token "Wait For Benchmark" kept
            s3.objects.put(dev.cloudbench.core.layout.StoreLayout.callback(INSTANCE), utf8("{\"taskToken\":\"t-1\","
                    + "\"runId\":\"" + RUN + "\",\"targetId\":\"" + TARGET + "\",\"commandId\":\"" + COMMAND + "\"}"));
        }
        String target = "runs/" + RUN + "/targets/" + TARGET + "/";
        for (String benchmark : new String[] {"sort-numbers", "gzip-compress", "awk-sum", "sha256"}) {
            s3.objects.put(target + "raw/" + benchmark + ".json", utf8("{\"results\":[{\"command\":\"" + benchmark
                    + "\",\"mean\":0.0112,\"stddev\":0.0004,\"times\":[0.0108,0.0112,0.0116]}]}"));
        }
        // What the benchmark script uploads (commit.txt only for suites with a repository).
        s3.objects.put(target + "env/lscpu.txt", utf8("Architecture: aarch64\nModel name: Neoverse-V1\n"));
        s3.objects.put(target + "env/uname.txt", utf8("Linux 6.1.0-aws aarch64\n"));
        s3.objects.put(target + "env/os-release.txt", utf8("PRETTY_NAME=\"Ubuntu 24.04 LTS\"\n"));
        s3.objects.put(target + "env/nproc.txt", utf8("2\n"));
        s3.objects.put(target + "env/hyperfine.txt", utf8("hyperfine 1.18.0\n"));
        s3.objects.put(target + "progress.json", utf8("{\"state\":\"done\",\"completed\":4,\"total\":4,\"current\":\"\","
                + "\"time\":\"2026-03-01T12:06:10Z\"}"));

        ec2.amis.clear();
        for (Architecture a : Architecture.values()) {
            ec2.amis.add(new Ec2StandIn.Ami("ami-" + a.id(), a.id(), "available", "2026-02-01T00:00:00.000Z",
                    Map.of(CodeBuildImages.TAG_FINGERPRINT, sources.fingerprint(a))));
        }
        ec2.instances.clear();
        if (!function.equals("LaunchInstance")) { // else the launch would reuse it
            ec2.instances.add(new Ec2StandIn.Instance(INSTANCE, "c7g.large", "running", null, null, "spot",
                    "us-east-1a", "ami-0123456789abcdef0", Map.of(Ec2Tags.STACK, STACK, Ec2Tags.RUN, RUN,
                            Ec2Tags.TARGET, TARGET, Ec2Tags.DEADLINE, "2999-01-01T00:00:00Z")));
        }
    }

    /**
     * Packer sources for the functions to fingerprint, zipped as the build zips them into the jar
     * ({@link ImageSources#RESOURCE}): the jar of a checkout without packer/ has none.
     */
    public static byte[] imageSourcesZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("image.pkr.hcl"));
            zip.write(utf8("source \"amazon-ebs\" \"cloudbench\" {}\n"));
            zip.putNextEntry(new ZipEntry("scripts/install-deps.sh"));
            zip.write(utf8("echo sample\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The image sources a jar carries ({@link ImageSources#RESOURCE}), or the sample ones when it
     * has none: the functions in that jar fingerprint these, so the world's images must match them.
     */
    public static byte[] imageSourcesZip(Path jar) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry("cloudbench/image-sources.zip");
            if (entry == null) {
                return imageSourcesZip();
            }
            try (var in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Arguments of a bare client's read call that this world answers (see the benchmark's BareClientFloor). */
    public static List<String> readCall(AwsPorts.Service service) {
        return switch (service) {
            case EC2 -> List.of(INSTANCE);
            case SSM -> List.of();
            case S3 -> List.of(BUCKET, "runs/" + RUN + "/request.json");
            case CODEBUILD -> List.of(BUILD);
            case SFN -> List.of(SfnExecutions.executionArn(STATE_MACHINE, RUN));
            case SERVICEQUOTAS -> List.of("ec2", Ec2Capacity.ON_DEMAND_QUOTA);
        };
    }

    /** The endpoint of each service's stand-in. */
    public Map<AwsPorts.Service, URI> endpoints() {
        Map<AwsPorts.Service, URI> endpoints = new LinkedHashMap<>();
        endpoints.put(AwsPorts.Service.EC2, ec2.server().endpoint());
        endpoints.put(AwsPorts.Service.SSM, ssm.server().endpoint());
        endpoints.put(AwsPorts.Service.S3, s3.server().endpoint());
        endpoints.put(AwsPorts.Service.CODEBUILD, codeBuild.server().endpoint());
        endpoints.put(AwsPorts.Service.SFN, sfn.server().endpoint());
        endpoints.put(AwsPorts.Service.SERVICEQUOTAS, serviceQuotas.server().endpoint());
        return endpoints;
    }

    /**
     * What a function's process needs to run against this world, as Lambda would give it: the
     * SDK's endpoint, region and credential variables (static test credentials, no instance
     * metadata), and the stack's settings as the template sets them.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        // The SDK's variable is named after the service id: "Service Quotas" is SERVICE_QUOTAS.
        endpoints().forEach((service, uri) -> env.put("AWS_ENDPOINT_URL_"
                + (service == AwsPorts.Service.SERVICEQUOTAS ? "SERVICE_QUOTAS" : service.name()), uri.toString()));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDSAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "sample-secret");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("STACK_NAME", STACK);
        env.put("RESULTS_BUCKET", BUCKET);
        env.put("SUBNET_IDS", "subnet-a,subnet-b");
        env.put("SECURITY_GROUP_ID", "sg-0123");
        env.put("INSTANCE_PROFILE_ARN", "arn:aws:iam::123456789012:instance-profile/cb-sample-instance");
        env.put("IMAGE_BUILD_PROJECT", "cb-sample-images");
        env.put("STATE_MACHINE_ARN", STATE_MACHINE);
        env.put("ALLOWED_INSTANCE_TYPES", "c7*.large,c7*.xlarge");
        env.put("INSTANCE_ROLE_ID", "AROASAMPLEINSTANCEROLE");
        return env;
    }

    /** The settings {@link #environment()} gives, for handlers wired in this process. */
    public AwsSettings settings() {
        return AwsSettings.fromEnvironment(environment());
    }

    /** Requests that reached a service's stand-in since it started. */
    public int requests(AwsPorts.Service service) {
        return switch (service) {
            case EC2 -> ec2.server().requests().size();
            case SSM -> ssm.server().requests().size();
            case S3 -> s3.server().requests().size();
            case CODEBUILD -> codeBuild.server().requests().size();
            case SFN -> sfn.server().requests().size();
            case SERVICEQUOTAS -> serviceQuotas.server().requests().size();
        };
    }

    /** An object the functions wrote, or null. */
    public String object(String key) {
        byte[] content = s3.objects.get(key);
        return content == null ? null : new String(content, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        ec2.close();
        ssm.close();
        codeBuild.close();
        sfn.close();
        s3.close();
        serviceQuotas.close();
    }
}
