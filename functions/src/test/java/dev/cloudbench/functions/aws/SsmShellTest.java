package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.error.InstanceInterruptedException;
import dev.cloudbench.core.port.CommandStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;

class SsmShellTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final JsonStandIn ssm = new JsonStandIn();
    private final S3StandIn s3 = new S3StandIn(TestAws.BUCKET);
    private final SsmClient ssmClient = TestAws.clients(ssm.server().endpoint()).ssm();
    private final S3Client s3Client = TestAws.clients(s3.server().endpoint()).s3();
    private final SsmShell shell = new SsmShell(ssmClient, new S3ResultStore(s3Client, TestAws.BUCKET),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        ssmClient.close();
        s3Client.close();
        ssm.close();
        s3.close();
    }

    private static String information(String id, String ping) {
        return "{\"InstanceInformationList\":[{\"InstanceId\":\"" + id + "\",\"PingStatus\":\"" + ping + "\","
                + "\"LastPingDateTime\":1.77236E9,\"AgentVersion\":\"3.3.0.0\",\"PlatformType\":\"Linux\","
                + "\"PlatformName\":\"Amazon Linux\",\"ResourceType\":\"EC2Instance\"}]}";
    }

    @Test
    void isReady_whenTheInstanceIsOnline() {
        ssm.answer("DescribeInstanceInformation", information("i-1", "Online"));

        assertThat(shell.isReady("i-1")).isTrue();
        JsonNode filter = ssm.calls("DescribeInstanceInformation").get(0).path("Filters").get(0);
        assertThat(filter.path("Key").asText()).isEqualTo("InstanceIds");
        assertThat(filter.path("Values").get(0).asText()).isEqualTo("i-1");
    }

    @Test
    void isNotReady_whenTheAgentLostItsConnection_orHasNotRegistered() {
        ssm.answer("DescribeInstanceInformation", information("i-1", "ConnectionLost"));
        assertThat(shell.isReady("i-1")).isFalse();

        ssm.answer("DescribeInstanceInformation", "{\"InstanceInformationList\":[]}");
        assertThat(shell.isReady("i-1")).isFalse();
    }

    @Test
    void start_sendsTheScriptThroughRunShellScript_withTimeoutAndS3Output() throws Exception {
        ssm.answer("SendCommand", "{\"Command\":{\"CommandId\":\"cmd-1\",\"DocumentName\":\"AWS-RunShellScript\","
                + "\"Status\":\"Pending\",\"RequestedDateTime\":1.7723664E9}}");
        String script = "#!/usr/bin/env bash\necho 'it''s \"quoted\"' $HOME\n";

        String id = shell.start("i-1", script, 1800, "inbox/AROAEXAMPLE:i-1/logs/");

        assertThat(id).isEqualTo("cmd-1");
        JsonNode sent = ssm.calls("SendCommand").get(0);
        assertThat(sent.path("DocumentName").asText()).isEqualTo("AWS-RunShellScript");
        assertThat(sent.path("InstanceIds").get(0).asText()).isEqualTo("i-1");
        assertThat(sent.path("Parameters").path("executionTimeout").get(0).asText()).isEqualTo("1800");
        assertThat(sent.path("OutputS3BucketName").asText()).isEqualTo(TestAws.BUCKET);
        assertThat(sent.path("OutputS3KeyPrefix").asText()).isEqualTo("inbox/AROAEXAMPLE:i-1/logs");
        assertThat(sent.path("TimeoutSeconds").asInt()).isEqualTo(SsmShell.DELIVERY_TIMEOUT_SECONDS);
        List<String> commands = StreamSupport.stream(sent.path("Parameters").path("commands").spliterator(), false)
                .map(JsonNode::asText).toList();
        assertThat(commands).last().isEqualTo("exec bash cloudbench.sh");
        assertThat(commands).as("the AWS path tells the script to confine the suite").contains("export CB_CONFINE=1");
        assertThat(unpackedOnTheInstance(commands)).isEqualTo(script);
    }

    /** What {@code sh} makes of the commands up to the last one, which hands the file to bash. */
    private String unpackedOnTheInstance(List<String> commands) throws IOException, InterruptedException {
        String unpack = String.join("\n", commands.subList(0, commands.size() - 1))
                .replace(SsmShell.WORK_DIR, dir.toString());
        Process sh = new ProcessBuilder("sh", "-c", unpack).redirectErrorStream(true).start();
        assertThat(sh.waitFor()).as(new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return Files.readString(dir.resolve("cloudbench.sh"), StandardCharsets.UTF_8);
    }

    @Test
    void start_reportsAnInterruption_whenTheInstanceIsGone() {
        ssm.on("SendCommand", r -> JsonStandIn.error("InvalidInstanceId", "Instances [[i-1]] not in a valid state"));

        assertThatThrownBy(() -> shell.start("i-1", "true", 60, "logs/"))
                .isInstanceOf(InstanceInterruptedException.class).hasMessageContaining("i-1");
    }

    private void invocation(String status, String details, int code, String stderr, String stderrUrl) {
        ssm.answer("GetCommandInvocation", "{\"CommandId\":\"cmd-1\",\"InstanceId\":\"i-1\",\"DocumentName\":"
                + "\"AWS-RunShellScript\",\"Status\":\"" + status + "\",\"StatusDetails\":\"" + details + "\","
                + "\"ResponseCode\":" + code + ",\"StandardOutputContent\":\"\",\"StandardErrorContent\":\""
                + stderr + "\",\"StandardErrorUrl\":\"" + stderrUrl + "\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "Pending, Pending, -1, PENDING",
        "Delayed, Delayed, -1, PENDING",
        "InProgress, InProgress, -1, RUNNING",
        "Cancelling, Cancelling, -1, RUNNING",
        "Success, Success, 0, SUCCEEDED",
        "Cancelled, Cancelled, -1, CANCELLED",
        "TimedOut, ExecutionTimedOut, -1, TIMED_OUT",
        "Failed, Failed, 90, FAILED"})
    void status_mapsSsmStatuses(String status, String details, int code, CommandStatus.State expected) {
        invocation(status, details, code, "", "");

        CommandStatus result = shell.status("i-1", "cmd-1");

        assertThat(result.state()).isEqualTo(expected);
        assertThat(result.exitCode()).isEqualTo(code < 0 ? null : code);
        JsonNode asked = ssm.calls("GetCommandInvocation").get(0);
        assertThat(asked.path("CommandId").asText()).isEqualTo("cmd-1");
        assertThat(asked.path("InstanceId").asText()).isEqualTo("i-1");
    }

    @Test
    void status_ofAFailure_carriesTheTailOfStderr_fromS3() {
        String key = "runs/r1/targets/t1/logs/cmd-1/i-1/awsrunShellScript/0.awsrunShellScript/stderr";
        s3.objects.put(key, ("noise\n".repeat(3000) + "cloudbench: setup command 1 of 1 failed\n")
                .getBytes(StandardCharsets.UTF_8));
        invocation("Failed", "Failed", 90, "noise\\nnoise\\n",
                "https://s3.us-east-1.amazonaws.com/" + TestAws.BUCKET + "/" + key);

        CommandStatus result = shell.status("i-1", "cmd-1");

        assertThat(result.state()).isEqualTo(CommandStatus.State.FAILED);
        assertThat(result.exitCode()).isEqualTo(90);
        assertThat(result.stderrTail()).endsWith("cloudbench: setup command 1 of 1 failed\n");
    }

    @Test
    void status_ofAFailure_fallsBackToSsmsStderr_whenTheLogIsNotInTheBucket() {
        invocation("Failed", "Failed", 2, "cloudbench: benchmark x failed", "");

        assertThat(shell.status("i-1", "cmd-1").stderrTail()).isEqualTo("cloudbench: benchmark x failed");
    }

    @Test
    void status_isPending_whenTheInvocationDoesNotExistRightAfterSending() {
        ssm.on("GetCommandInvocation", r -> JsonStandIn.error("InvocationDoesNotExist", "not found"));
        ssm.answer("ListCommands", "{\"Commands\":[{\"CommandId\":\"cmd-1\",\"RequestedDateTime\":"
                + NOW.minusSeconds(5).getEpochSecond() + ",\"Status\":\"Pending\"}]}");

        assertThat(shell.status("i-1", "cmd-1").state()).isEqualTo(CommandStatus.State.PENDING);
        assertThat(ssm.calls("ListCommands").get(0).path("CommandId").asText()).isEqualTo("cmd-1");
    }

    @Test
    void status_isAnInterruption_whenTheInvocationNeverAppears() {
        ssm.on("GetCommandInvocation", r -> JsonStandIn.error("InvocationDoesNotExist", "not found"));
        ssm.answer("ListCommands", "{\"Commands\":[{\"CommandId\":\"cmd-1\",\"RequestedDateTime\":"
                + NOW.minusSeconds(600).getEpochSecond() + ",\"Status\":\"Pending\"}]}");

        assertThatThrownBy(() -> shell.status("i-1", "cmd-1")).isInstanceOf(InstanceInterruptedException.class)
                .hasMessageContaining("never reached");
    }

    @Test
    void status_isAnInterruption_whenTheInstanceDisappears() {
        ssm.on("GetCommandInvocation", r -> JsonStandIn.error("InvalidInstanceId", "Instance i-1 is not valid"));

        assertThatThrownBy(() -> shell.status("i-1", "cmd-1")).isInstanceOf(InstanceInterruptedException.class)
                .hasMessageContaining("i-1 is gone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Undeliverable", "DeliveryTimedOut"})
    void status_isAnInterruption_whenTheCommandCannotReachTheInstance(String details) {
        invocation(details.equals("Undeliverable") ? "Failed" : "TimedOut", details, -1, "", "");

        assertThatThrownBy(() -> shell.status("i-1", "cmd-1")).isInstanceOf(InstanceInterruptedException.class)
                .hasMessageContaining(details);
    }
}
