package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.Main;
import dev.cloudbench.functions.wiring.Functions;
import dev.cloudbench.functions.aws.Ec2StandIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InvokeCommandTest {
    private static final String RUN = "run-7";

    private final Ec2StandIn ec2 = new Ec2StandIn();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        ec2.close();
    }

    /** Output and exit code of {@code cloudbench invoke} run as its own process, like a person runs it. */
    private record Result(int exit, String out, String err) {
    }

    private Result invokeInAnotherJvm(String function, String event) throws IOException, InterruptedException {
        Path eventFile = Files.writeString(dir.resolve("event.json"), event);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "invoke", function, "--event", eventFile.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        // Only the SDK's standard variable says where EC2 is: nothing in our code names an endpoint.
        env.put("AWS_ENDPOINT_URL_EC2", ec2.server().endpoint().toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("STACK_NAME", "cb-test");
        env.put("SUBNET_IDS", "subnet-a,subnet-b");
        env.put("SECURITY_GROUP_ID", "sg-0123");
        env.put("INSTANCE_PROFILE_ARN", "arn:aws:iam::123456789012:instance-profile/cb-test-instance");
        env.put("STATE_MACHINE_ARN", "arn:aws:states:us-east-1:123456789012:stateMachine:cb-test-benchmark");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cloudbench invoke did not end");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void invoke_runsTheFunction_againstTheEndpointInAwsEndpointUrlEc2() throws Exception {
        ec2.instances.add(new Ec2StandIn.Instance("i-live", "c7g.large", "running", null, null, null, "us-east-1a",
                "ami-1", Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", RUN)));

        Result r = invokeInAnotherJvm("CleanupRun", "{\"runId\":\"" + RUN + "\"}");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\"runId\" : \"" + RUN + "\"").contains("\"i-live\"");
        assertThat(ec2.calls("DescribeInstances")).hasSize(1);
        assertThat(ec2.calls("TerminateInstances").get(0)).containsEntry("InstanceId.1", "i-live");
    }

    @Test
    void invoke_printsTheErrorNameAndMessage_andExitsNonZero_whenTheFunctionFails() throws Exception {
        ec2.failOnce("DescribeInstances", "UnauthorizedOperation");

        Result r = invokeInAnotherJvm("CleanupRun", "{\"runId\":\"" + RUN + "\"}");

        assertThat(r.exit()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("software.amazon.awssdk.services.ec2.model.Ec2Exception: ")
                .contains("injected by the test");
    }

    private static int invokeHere(List<String> args, StringWriter err) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args.toArray(String[]::new));
    }

    @Test
    void invoke_refusesAnUnknownFunction_asBadInput() {
        StringWriter err = new StringWriter();

        assertThat(invokeHere(List.of("invoke", "LaunchRocket", "--event", "x.json"), err))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("unknown function 'LaunchRocket'").contains("LaunchInstance");
    }

    @Test
    void invoke_runsTheEventFunctions_withTheirSampleEvents() throws Exception {
        ec2.instances.add(new Ec2StandIn.Instance("i-left", "c7g.large", "running", null, null, null, "us-east-1a",
                "ami-1", Map.of("cloudbench:stack", "cb-test", "cloudbench:run-id", "quickstart-20260301T120000Z-a1b2")));
        Path events = Path.of("..").toAbsolutePath().normalize().resolve("functions/events");

        Result cleanup = invokeInAnotherJvm("CleanupExecution", Files.readString(events.resolve("CleanupExecution.json")));
        assertThat(cleanup.exit()).as(cleanup.err()).isEqualTo(ExitCodes.OK);
        assertThat(cleanup.out()).contains("\"i-left\"");

        Result sweep = invokeInAnotherJvm("Sweep", Files.readString(events.resolve("Sweep.json")));
        assertThat(sweep.err()).doesNotContain("unknown function");
        assertThat(sweep.exit()).as(sweep.err()).isEqualTo(ExitCodes.OK);
        assertThat(sweep.out()).contains("\"examined\"");
    }

    @Test
    void invoke_acceptsEveryFunctionOfTheRegistry() {
        for (String function : Functions.names()) {
            StringWriter err = new StringWriter();
            assertThat(invokeHere(List.of("invoke", function, "--event", "no-such-event.json"), err)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(err.toString()).as(function).contains("no event file").doesNotContain("unknown function");
        }
    }

    @Test
    void invoke_refusesAMissingEventFile_asBadInput() {
        StringWriter err = new StringWriter();

        assertThat(invokeHere(List.of("invoke", "CleanupRun", "--event", dir.resolve("none.json").toString()), err))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no event file");
    }
}
