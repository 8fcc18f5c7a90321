package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cloudbench.core.error.BenchmarkFailedException;
import dev.cloudbench.core.error.CommandTimedOutException;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.functions.Ports;
import dev.cloudbench.functions.wiring.Functions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.services.codebuild.CodeBuildClientBuilder;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClientBuilder;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * What each function really sends to AWS: every handler runs on the stand-ins with its sample
 * event and the variations that walk each branch that calls AWS, while an SDK execution
 * interceptor records each operation as its IAM action. The record is written to
 * {@code target/iam/} for the deploy module's {@code IamPolicyTest}, which compares it with each
 * function's policy in template.yaml:
 * <ul>
 * <li>{@code operations.json}: {@code {function: [IAM action, ...]}}</li>
 * <li>{@code resources.json}: {@code {function: {action: [resource, ...]}}} — S3 key prefixes
 * ({@code runs/*}) and SSM documents, which IAM scopes by</li>
 * <li>{@code run-instances.json}: every RunInstances request as sent on the wire, for the security
 * assertions (IMDSv2 required, the stack tag on instance and volume)</li>
 * </ul>
 * The last test fails when an SDK operation referenced by an adapter's byte code was walked by no
 * scenario here, so a new call cannot slip past the policy comparison untested.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IamOperationsTest {
    static final Path OUT = Path.of("target", "iam");
    private static final Instant NOW = Instant.parse("2026-03-01T12:05:00Z");
    private static final String RUN = "quickstart-20260301T120000Z-a1b2";
    private static final String TARGET = "c7g.large-arm64";
    private static final String INSTANCE = "i-0123456789abcdef0";
    private static final String COMMAND = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    private static final IamRecorder RECORDER = new IamRecorder();
    private static final List<Map<String, String>> RUN_INSTANCES = Collections.synchronizedList(new ArrayList<>());

    private final Ec2StandIn ec2 = new Ec2StandIn();
    private final JsonStandIn ssm = new JsonStandIn();
    private final JsonStandIn codeBuild = new JsonStandIn();
    private final JsonStandIn sfn = new JsonStandIn();
    private final S3StandIn s3 = new S3StandIn(TestAws.BUCKET);
    private final JsonStandIn serviceQuotas = new JsonStandIn();
    private final ImageSources sources = new ImageSources(ImageSourcesTest.zip(ImageSourcesTest.packer("echo\n"), 0));
    private int runInstancesSeen;

    @AfterEach
    void close() {
        ec2.close();
        ssm.close();
        codeBuild.close();
        sfn.close();
        s3.close();
        serviceQuotas.close();
    }

    // ------------------------------------------------------------------ the functions, branch by branch

    @Test
    @Order(1)
    void planRun_checksCapacity_claimsANewRun_andReadsBackAPlannedOne() throws IOException {
        serviceQuotas.on("GetServiceQuota", r -> JsonStandIn.ok("{\"Quota\":{\"ServiceCode\":\"ec2\",\"QuotaCode\":\""
                + r.path("QuotaCode").asText() + "\",\"QuotaName\":\"standard\",\"Value\":64.0}}"));
        JsonNode plan = invoke("PlanRun", sample("PlanRun"));
        JsonNode again = invoke("PlanRun", sample("PlanRun"));

        assertThat(plan.path("runId").asText()).isEqualTo(RUN);
        assertThat(again).isEqualTo(plan);
        assertThat(s3.objects).containsKeys(StoreLayout.request(RUN), StoreLayout.plan(RUN));
    }

    @Test
    @Order(2)
    void resolveImages_findsTheArmImage_andListsTheX86Build() throws IOException {
        seedRequest();
        ec2.amis.add(new Ec2StandIn.Ami("ami-arm", "arm64", "available", "2026-02-01T00:00:00.000Z",
                Map.of(CodeBuildImages.TAG_FINGERPRINT, sources.fingerprint(Architecture.ARM64))));

        JsonNode images = invoke("ResolveImages", sample("ResolveImages"));

        assertThat(images.path("available").path("arm64").asText()).isEqualTo("ami-arm");
        assertThat(images.path("builds").get(0).path("architecture").asText()).isEqualTo("x86_64");
    }

    @Test
    @Order(3)
    void startImageBuild_uploadsTheSources_andStartsTheBuild() throws IOException {
        codeBuild.answer("StartBuild", "{\"build\":{\"id\":\"cb-test-images:b1\",\"buildStatus\":\"IN_PROGRESS\"}}");

        JsonNode build = invoke("StartImageBuild", sample("StartImageBuild"));

        assertThat(build.path("buildId").asText()).isEqualTo("cb-test-images:b1");
        assertThat(s3.objects.keySet()).anyMatch(k -> k.startsWith("images/"))
                .contains(StoreLayout.imageBuild(RUN, "arm64"));
    }

    @Test
    @Order(4)
    void checkImageBuild_asksCodeBuild() throws IOException {
        codeBuild.answer("BatchGetBuilds", "{\"builds\":[{\"id\":\"cloudbench-images:0b1c2d3e-4f50-6172-8394-"
                + "a5b6c7d8e9f0\",\"buildStatus\":\"IN_PROGRESS\"}]}");

        assertThat(invoke("CheckImageBuild", sample("CheckImageBuild")).path("status").asText())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    @Order(5)
    void launchInstance_onSpot_onDemandAfterASpotShortage_inTheDefaultVpc_andReusingAnInstance() throws IOException {
        ec2.amis.add(new Ec2StandIn.Ami("ami-built", "arm64", "available", "2026-02-01T00:00:00.000Z",
                Map.of(CodeBuildImages.TAG_FINGERPRINT, sources.fingerprint(Architecture.ARM64))));

        JsonNode spot = invoke("LaunchInstance", sample("LaunchInstance"));
        assertThat(spot.path("instance").path("market").asText()).isEqualTo("spot");
        assertThat(spot.path("instance").path("pricePerHour").asDouble()).isPositive(); // DescribeSpotPriceHistory

        ObjectNode other = sample("LaunchInstance");
        ((ObjectNode) other.path("state").path("target")).put("targetId", "c7g.large-arm64-2");
        ec2.launchErrors.put("spot/us-east-1a", "InsufficientInstanceCapacity");
        ec2.launchErrors.put("spot/us-east-1b", "InsufficientInstanceCapacity");
        JsonNode onDemand = invoke("LaunchInstance", other, settings(List.of()));
        assertThat(onDemand.path("instance").path("market").asText()).isEqualTo("on-demand");
        assertThat(ec2.calls("DescribeSubnets").get(1)).containsEntry("Filter.1.Name", "default-for-az");

        JsonNode reused = invoke("LaunchInstance", sample("LaunchInstance"));
        assertThat(reused.path("instance").path("reused").asBoolean()).isTrue();
        assertThat(RUN_INSTANCES).extracting(r -> r.getOrDefault("InstanceMarketOptions.MarketType", "on-demand"))
                .contains("spot", "on-demand");
    }

    @Test
    @Order(6)
    void checkInstance_asksEc2ThenSsm() throws IOException {
        ec2.instances.add(instance(INSTANCE, "running", null));
        ssm.answer("DescribeInstanceInformation", "{\"InstanceInformationList\":[{\"InstanceId\":\"" + INSTANCE
                + "\",\"PingStatus\":\"Online\"}]}");

        assertThat(invoke("CheckInstance", sample("CheckInstance")).path("ready").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void startBenchmark_sendsTheScript_andRecordsTheCommand() throws IOException {
        seedRequest();
        ssm.answer("SendCommand", "{\"Command\":{\"CommandId\":\"cmd-1\"}}");

        assertThat(invoke("StartBenchmark", sample("StartBenchmark")).path("commandId").asText()).isEqualTo("cmd-1");
        assertThat(s3.objects).containsKey(StoreLayout.command(RUN, TARGET));
        assertThat(ssm.calls("SendCommand").get(0).path("OutputS3KeyPrefix").asText()).isEqualTo(inbox(INSTANCE) + "logs");

        // The on-demand retry after a reclaim first copies what the lost instance left in its inbox.
        seedInbox("i-lost");
        ObjectNode retry = sample("StartBenchmark");
        retry.set("interrupted", retry.path("instance").deepCopy());
        ((ObjectNode) retry.path("interrupted")).put("instanceId", "i-lost");
        ((ObjectNode) retry.path("instance")).put("instanceId", "i-0fedcba9876543210").put("market", "on-demand");
        retry.put("attempt", 1);
        ssm.answer("SendCommand", "{\"Command\":{\"CommandId\":\"cmd-2\"}}");
        assertThat(invoke("StartBenchmark", retry).path("commandId").asText()).isEqualTo("cmd-2");
        assertThat(s3.objects).containsKey(StoreLayout.logs(RUN, TARGET) + "cmd-0/i-lost/stdout")
                .containsKey(StoreLayout.interruption(RUN, TARGET));
    }

    @Test
    @Order(8)
    void checkBenchmark_running_notYetDelivered_failedWithItsStderrTail_cancelled_andTimedOut() throws IOException {
        seedRequest();
        ec2.instances.clear();
        ec2.instances.add(instance(INSTANCE, "running", null));
        ssm.answer("GetCommandInvocation", invocation("InProgress", ""));
        assertThat(invoke("CheckBenchmark", sample("CheckBenchmark")).path("done").asBoolean()).isFalse();

        ssm.on("GetCommandInvocation", r -> JsonStandIn.error("InvocationDoesNotExist", "not yet"));
        ssm.answer("ListCommands", "{\"Commands\":[{\"CommandId\":\"" + COMMAND + "\",\"RequestedDateTime\":"
                + NOW.minusSeconds(30).getEpochSecond() + "}]}");
        assertThat(invoke("CheckBenchmark", sample("CheckBenchmark")).path("done").asBoolean()).isFalse();

        seedInbox(INSTANCE);
        String stderr = inbox(INSTANCE) + "logs/" + COMMAND + "/" + INSTANCE
                + "/awsrunShellScript/0.awsrunShellScript/stderr";
        s3.objects.put(stderr, "cc: error: the last line is the one that matters\n".getBytes(StandardCharsets.UTF_8));
        ssm.answer("GetCommandInvocation", invocation("Failed", ",\"ResponseCode\":1,\"StandardErrorUrl\":"
                + "\"https://s3.us-east-1.amazonaws.com/" + TestAws.BUCKET + "/" + stderr + "\""));
        assertThatThrownBy(() -> invoke("CheckBenchmark", sample("CheckBenchmark")))
                .isInstanceOf(BenchmarkFailedException.class).hasMessageContaining("the last line is the one that matters");

        assertThat(s3.objects).containsKey(StoreLayout.logs(RUN, TARGET) + COMMAND + "/" + INSTANCE
                + "/awsrunShellScript/0.awsrunShellScript/stderr");

        ssm.answer("GetCommandInvocation", invocation("Cancelled", ""));
        ec2.instances.clear();
        ec2.instances.add(instance(INSTANCE, "terminated", "Server.SpotInstanceTermination"));
        assertThatThrownBy(() -> invoke("CheckBenchmark", sample("CheckBenchmark")))
                .isInstanceOf(InstanceInterruptedException.class);

        // SSM still says InProgress after a reclaim: the instance's state is what tells.
        ssm.answer("GetCommandInvocation", invocation("InProgress", ""));
        assertThatThrownBy(() -> invoke("CheckBenchmark", sample("CheckBenchmark")))
                .isInstanceOf(InstanceInterruptedException.class).hasMessageContaining("Server.SpotInstanceTermination");
        ec2.instances.clear();
        ec2.instances.add(instance(INSTANCE, "running", null));

        ssm.answer("GetCommandInvocation", invocation("TimedOut", ""));
        assertThatThrownBy(() -> invoke("CheckBenchmark", sample("CheckBenchmark")))
                .isInstanceOf(CommandTimedOutException.class);
    }

    @Test
    @Order(9)
    void collectResults_readsEveryExport_andWritesTheEnvironment() throws IOException {
        seedRequest();
        seedExports();
        s3.objects.put(StoreLayout.envPrefix(RUN, TARGET) + "nproc.txt", "2\n".getBytes(StandardCharsets.UTF_8));

        invoke("CollectResults", sample("CollectResults"));

        assertThat(s3.objects).containsKey(StoreLayout.environment(RUN, TARGET));
    }

    @Test
    @Order(10)
    void terminateInstance_endsTheInstance_andAnythingElseTaggedForTheTarget() throws IOException {
        ec2.instances.add(instance(INSTANCE, "running", null));
        ec2.instances.add(instance("i-retried", "pending", null));

        assertThat(invoke("TerminateInstance", sample("TerminateInstance")).path("terminated"))
                .hasSize(2);
    }

    @Test
    @Order(11)
    void terminateAfterFailure_endsTheInstance_andKeepsWhatTheInstanceReported() throws IOException {
        seedRequest();
        seedInbox(INSTANCE);
        ec2.instances.add(instance(INSTANCE, "running", null));
        s3.objects.put(StoreLayout.envPrefix(RUN, TARGET) + "uname.txt", "Linux 6.8\n".getBytes(StandardCharsets.UTF_8));

        assertThat(invoke("TerminateAfterFailure", sample("TerminateAfterFailure")).path("status").asText())
                .isEqualTo("failed");
        assertThat(s3.objects).containsKey(StoreLayout.environment(RUN, TARGET));
    }

    @Test
    @Order(12)
    void publishReport_comparesWithTheBaseline_andAdvancesIt() throws IOException {
        seedRequest();
        seedExports();
        s3.objects.put(StoreLayout.latest("quickstart", TARGET), ("{\"suite\":\"quickstart\",\"targetId\":\"" + TARGET
                + "\",\"runId\":\"quickstart-20260201T120000Z-zzzz\"}").getBytes(StandardCharsets.UTF_8));

        invoke("PublishReport", sample("PublishReport"));

        assertThat(s3.objects).containsKeys(StoreLayout.results(RUN), StoreLayout.reportHtml(RUN));
        assertThat(s3.text(StoreLayout.latest("quickstart", TARGET))).contains(RUN);
        assertThat(s3.objects).as("the history branch is walked too")
                .containsKeys(StoreLayout.historyEntry("quickstart", TARGET, RUN), StoreLayout.historyHtml("quickstart"));
    }

    @Test
    @Order(13)
    void cleanupRun_terminatesEverythingOfTheRun() throws IOException {
        ec2.instances.add(instance(INSTANCE, "running", null));

        assertThat(invoke("CleanupRun", sample("CleanupRun")).path("terminated")).hasSize(1);
    }

    @Test
    @Order(14)
    void cleanupExecution_terminatesEverythingOfTheExecutionsRun() throws IOException {
        ec2.instances.add(instance(INSTANCE, "running", null));

        assertThat(invoke("CleanupExecution", sample("CleanupExecution")).path("terminated")).hasSize(1);
    }

    @Test
    @Order(15)
    void sweep_asksStepFunctionsAboutEachRun_andTerminatesTheLeftovers() throws IOException {
        ec2.instances.add(tagged("i-late", "run-late", "2026-03-01T12:01:00Z"));
        ec2.instances.add(tagged("i-done", "run-done", "2026-03-01T13:00:00Z"));
        ec2.instances.add(tagged("i-gone", "run-gone", "2026-03-01T13:00:00Z"));
        ec2.instances.add(tagged("i-live", "run-live", "2026-03-01T13:00:00Z"));
        sfn.on("DescribeExecution", r -> {
            String arn = r.path("executionArn").asText();
            if (arn.endsWith(":run-gone")) {
                return JsonStandIn.error("ExecutionDoesNotExist", "Execution does not exist: '" + arn + "'");
            }
            return JsonStandIn.ok("{\"executionArn\":\"" + arn + "\",\"stateMachineArn\":\"arn:aws:states:eu-west-1:"
                    + "123456789012:stateMachine:cb-test-benchmark\",\"status\":\""
                    + (arn.endsWith(":run-live") ? "RUNNING" : "SUCCEEDED") + "\",\"startDate\":1772366400}");
        });

        JsonNode report = invoke("Sweep", sample("Sweep"));

        assertThat(report.path("swept").findValuesAsText("instanceId")).containsExactlyInAnyOrder("i-late", "i-done",
                "i-gone");
    }

    @Test
    @Order(16)
    void awaitBenchmark_keepsTheToken_andWakesTheTaskAtOnceWhenTheCommandAlreadyEnded() throws IOException {
        seedRequest();
        ec2.instances.clear();
        ec2.instances.add(instance(INSTANCE, "running", null));
        sfn.on("SendTaskSuccess", r -> JsonStandIn.ok("{}"));
        ssm.answer("GetCommandInvocation", invocation("InProgress", ""));
        assertThat(invoke("AwaitBenchmark", sample("AwaitBenchmark")).path("wokenAtOnce").asBoolean()).isFalse();
        assertThat(s3.objects).containsKey(StoreLayout.callback(INSTANCE));

        // Just after Start Benchmark, SSM may not know the invocation yet: still running.
        ssm.on("GetCommandInvocation", r -> JsonStandIn.error("InvocationDoesNotExist", "not yet"));
        ssm.answer("ListCommands", "{\"Commands\":[{\"CommandId\":\"" + COMMAND + "\",\"RequestedDateTime\":"
                + NOW.minusSeconds(30).getEpochSecond() + "}]}");
        assertThat(invoke("AwaitBenchmark", sample("AwaitBenchmark")).path("wokenAtOnce").asBoolean()).isFalse();

        ssm.answer("GetCommandInvocation", invocation("Success", ",\"ResponseCode\":0"));
        assertThat(invoke("AwaitBenchmark", sample("AwaitBenchmark")).path("wokenAtOnce").asBoolean()).isTrue();
        assertThat(sfn.calls("SendTaskSuccess")).isNotEmpty();

        // A command that failed already: its stderr tail is read from the instance's inbox.
        seedInbox(INSTANCE);
        String stderr = inbox(INSTANCE) + "logs/" + COMMAND + "/" + INSTANCE
                + "/awsrunShellScript/0.awsrunShellScript/stderr";
        s3.objects.put(stderr, "failed\n".getBytes(StandardCharsets.UTF_8));
        ssm.answer("GetCommandInvocation", invocation("Failed", ",\"ResponseCode\":1,\"StandardErrorUrl\":"
                + "\"https://s3.us-east-1.amazonaws.com/" + TestAws.BUCKET + "/" + stderr + "\""));
        assertThat(invoke("AwaitBenchmark", sample("AwaitBenchmark")).path("wokenAtOnce").asBoolean()).isTrue();
    }

    @Test
    @Order(17)
    void benchmarkFinished_sendsTheWaitingTokenBack_andATaskThatEndedIsNoError() throws IOException {
        s3.objects.put(StoreLayout.callback(INSTANCE), ("{\"taskToken\":\"token-1\",\"runId\":\"" + RUN
                + "\",\"targetId\":\"" + TARGET + "\",\"commandId\":\"" + COMMAND + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        sfn.on("SendTaskSuccess", r -> JsonStandIn.ok("{}"));
        assertThat(invoke("BenchmarkFinished", sample("BenchmarkFinished")).path("woken").asBoolean()).isTrue();
        assertThat(sfn.calls("SendTaskSuccess").get(sfn.calls("SendTaskSuccess").size() - 1)
                .path("taskToken").asText()).isEqualTo("token-1");

        sfn.on("SendTaskSuccess", r -> JsonStandIn.error("TaskTimedOut", "Task Timed Out: 'token-1'"));
        assertThat(invoke("BenchmarkFinished", sample("BenchmarkFinished")).path("woken").asBoolean()).isFalse();
    }

    // ------------------------------------------------------------------ the record

    @Test
    @Order(100)
    void everyFunction_andEverySdkCallOfTheAdapters_isRecorded_andTheRecordIsWritten() throws IOException {
        Map<String, Set<String>> actions = RECORDER.actions();
        assertThat(actions.keySet()).as("functions recorded (run the whole class)")
                .containsExactlyInAnyOrderElementsOf(Functions.names());
        assertThat(RECORDER.calls()).as("calls to services a function does not declare in the registry")
                .allMatch(c -> Functions.get(c.function()).services().contains(c.service()));

        Set<String> walked = new TreeSet<>();
        RECORDER.calls().forEach(c -> walked.add(c.service() + " " + c.operation()));
        assertThat(walked).as("operations walked by the scenarios above")
                .containsAll(operationsInTheAdapters());

        Files.createDirectories(OUT);
        Json.payload().writerWithDefaultPrettyPrinter().writeValue(OUT.resolve("operations.json").toFile(), actions);
        Json.payload().writerWithDefaultPrettyPrinter().writeValue(OUT.resolve("resources.json").toFile(),
                RECORDER.resources());
        Json.payload().writerWithDefaultPrettyPrinter().writeValue(OUT.resolve("run-instances.json").toFile(),
                List.copyOf(RUN_INSTANCES));
    }

    @Test
    void actions_ofS3Operations_areNamedAsIamNamesThem() {
        assertThat(IamRecorder.action(AwsPorts.Service.S3, "ListObjectsV2")).isEqualTo("s3:ListBucket");
        assertThat(IamRecorder.action(AwsPorts.Service.S3, "HeadObject")).isEqualTo("s3:GetObject");
        assertThat(IamRecorder.action(AwsPorts.Service.SFN, "DescribeExecution")).isEqualTo("states:DescribeExecution");
        assertThatThrownBy(() -> IamRecorder.action(AwsPorts.Service.S3, "DeleteObject"))
                .hasMessageContaining("DeleteObject");
    }

    /**
     * Every operation of an AWS service client that the adapters' byte code calls, as
     * "SERVICE Operation": {@code Ec2Client.describeInstancesPaginator} is EC2 DescribeInstances.
     */
    static Set<String> operationsInTheAdapters() throws IOException {
        Path classes;
        try {
            classes = Path.of(AwsPorts.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(AwsPorts.class.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> args = new ArrayList<>(List.of("-c", "-p"));
        try (Stream<Path> files = Files.list(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(f -> args.add(f.toString()));
        }
        StringWriter out = new StringWriter();
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new IllegalStateException(
                "javap is missing: the tests need a JDK"));
        int exit = javap.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
        assertThat(exit).as(out.toString()).isZero();
        Map<String, AwsPorts.Service> clients = Map.of("ec2/Ec2Client", AwsPorts.Service.EC2,
                "ssm/SsmClient", AwsPorts.Service.SSM, "s3/S3Client", AwsPorts.Service.S3,
                "codebuild/CodeBuildClient", AwsPorts.Service.CODEBUILD, "sfn/SfnClient", AwsPorts.Service.SFN,
                "servicequotas/ServiceQuotasClient", AwsPorts.Service.SERVICEQUOTAS);
        Set<String> notOperations = Set.of("builder", "create", "serviceClientConfiguration", "serviceName", "close", "utilities",
                "waiter");
        Matcher m = Pattern.compile("InterfaceMethod software/amazon/awssdk/services/(\\w+/\\w+Client)\\.(\\w+):")
                .matcher(out.toString());
        Set<String> operations = new TreeSet<>();
        while (m.find()) {
            AwsPorts.Service service = clients.get(m.group(1));
            assertThat(service).as("a client of a service AwsPorts knows: " + m.group(1)).isNotNull();
            String method = m.group(2);
            if (notOperations.contains(method)) {
                continue;
            }
            String operation = method.replaceFirst("(Paginator|AsBytes)$", "");
            operations.add(service + " " + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
        }
        assertThat(operations).as("SDK calls found in the adapters").isNotEmpty();
        return operations;
    }

    // ------------------------------------------------------------------ running a handler on the stand-ins

    private JsonNode invoke(String function, JsonNode event) throws IOException {
        return invoke(function, event, settings(List.of("subnet-a", "subnet-b")));
    }

    private JsonNode invoke(String function, JsonNode event, AwsSettings settings) throws IOException {
        Ports ports = Functions.get(function).awsPorts(settings, clients(function), Clock.fixed(NOW, ZoneOffset.UTC), sources);
        Map<String, RequestStreamHandler> handlers = new HashMap<>(Functions.wire(ports));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handlers.get(function).handleRequest(new ByteArrayInputStream(Json.payload().writeValueAsBytes(event)),
                    out, null);
        } finally {
            List<Map<String, String>> launches = ec2.calls("RunInstances");
            for (Map<String, String> launch : launches.subList(runInstancesSeen, launches.size())) {
                Map<String, String> sent = new TreeMap<>(launch);
                sent.remove("UserData");
                sent.put("function", function);
                RUN_INSTANCES.add(sent);
            }
            runInstancesSeen = launches.size();
        }
        return Json.payload().readTree(out.toByteArray());
    }

    /** Each service at its own stand-in, each client recorded under the function it was built for. */
    private AwsClients clients(String function) {
        return new AwsClients(b -> {
            AwsPorts.Service service = service(b);
            URI endpoint = switch (service) {
                case EC2 -> ec2.server().endpoint();
                case SSM -> ssm.server().endpoint();
                case S3 -> s3.server().endpoint();
                case CODEBUILD -> codeBuild.server().endpoint();
                case SFN -> sfn.server().endpoint();
                case SERVICEQUOTAS -> serviceQuotas.server().endpoint();
            };
            TestAws.clients(endpoint).customization().accept(b);
            // Added to the configuration AwsClients set (its retry strategy), not replacing it.
            b.overrideConfiguration(b.overrideConfiguration().toBuilder()
                    .addExecutionInterceptor(RECORDER.interceptor(function, service)).build());
        });
    }

    private static AwsPorts.Service service(AwsClientBuilder<?, ?> b) {
        if (b instanceof Ec2ClientBuilder) {
            return AwsPorts.Service.EC2;
        }
        if (b instanceof SsmClientBuilder) {
            return AwsPorts.Service.SSM;
        }
        if (b instanceof S3ClientBuilder) {
            return AwsPorts.Service.S3;
        }
        if (b instanceof CodeBuildClientBuilder) {
            return AwsPorts.Service.CODEBUILD;
        }
        if (b instanceof SfnClientBuilder) {
            return AwsPorts.Service.SFN;
        }
        if (b instanceof ServiceQuotasClientBuilder) {
            return AwsPorts.Service.SERVICEQUOTAS;
        }
        throw new IllegalStateException("a client of a service AwsPorts does not know: " + b.getClass());
    }

    private static AwsSettings settings(List<String> subnets) {
        AwsSettings s = TestAws.settings();
        return new AwsSettings(s.stackName(), s.resultsBucket(), subnets, s.securityGroupId(), s.instanceProfileArn(),
                s.imageBuildProject(), s.rootVolumeGib(), s.stateMachineArn(), s.allowedInstanceTypes(), s.instanceRoleId());
    }

    private static ObjectNode sample(String function) {
        try {
            return (ObjectNode) Json.payload().readTree(Path.of("events", function + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run's request.json, as Plan Run stores it. */
    private void seedRequest() throws IOException {
        s3.objects.put(StoreLayout.request(RUN), Json.payload().writeValueAsBytes(sample("PlanRun").path("request")));
    }

    /** The inbox of {@code instanceId}: the only prefix its role may write. */
    private static String inbox(String instanceId) {
        return StoreLayout.inbox(TestAws.INSTANCE_ROLE_ID + ":" + instanceId);
    }

    /** What a script and the SSM agent leave in an instance's inbox: an export, the environment, the output. */
    private void seedInbox(String instanceId) {
        JsonNode first = sample("PlanRun").path("request").path("suite").path("benchmarks").get(0);
        s3.objects.put(inbox(instanceId) + "raw/" + first.path("name").asText() + ".json",
                "{\"results\":[{\"command\":\"x\",\"times\":[0.011,0.0112]}]}".getBytes(StandardCharsets.UTF_8));
        s3.objects.put(inbox(instanceId) + "env/nproc.txt", "2\n".getBytes(StandardCharsets.UTF_8));
        s3.objects.put(inbox(instanceId) + "logs/cmd-0/" + instanceId + "/stdout",
                "cloudbench: done\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A hyperfine export for every benchmark of the sample suite, on the sample target. */
    private void seedExports() {
        for (JsonNode b : sample("PlanRun").path("request").path("suite").path("benchmarks")) {
            s3.objects.put(StoreLayout.raw(RUN, TARGET, b.path("name").asText()), ("{\"results\":[{\"command\":\""
                    + b.path("name").asText() + "\",\"mean\":0.0112,\"stddev\":0.0001,\"median\":0.0112,"
                    + "\"user\":0.01,\"system\":0.001,\"min\":0.011,\"max\":0.0114,"
                    + "\"times\":[0.011,0.0112,0.0114]}]}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String invocation(String status, String more) {
        return "{\"CommandId\":\"" + COMMAND + "\",\"InstanceId\":\"" + INSTANCE + "\",\"Status\":\"" + status
                + "\",\"StatusDetails\":\"" + status + "\",\"StandardErrorContent\":\"inline\"" + more + "}";
    }

    private static Ec2StandIn.Instance instance(String id, String state, String reason) {
        Map<String, String> tags = new LinkedHashMap<>(Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", RUN,
                "cloudbench:target-id", TARGET));
        return new Ec2StandIn.Instance(id, "c7g.large", state, reason, reason == null ? null : "reclaimed", "spot",
                "us-east-1a", "ami-0123456789abcdef0", tags);
    }

    private static Ec2StandIn.Instance tagged(String id, String run, String deadline) {
        return new Ec2StandIn.Instance(id, "c7g.large", "running", null, null, null, "us-east-1a", "ami-1",
                Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", run, "cloudbench:deadline", deadline));
    }
}
