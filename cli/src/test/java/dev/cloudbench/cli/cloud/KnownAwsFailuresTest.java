package dev.cloudbench.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures a person can fix: one line each, an exit code each, no stack trace. */
class KnownAwsFailuresTest {
    private final CloudHarness aws = new CloudHarness();

    @TempDir
    Path home;

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void aStackThatIsNotDeployed_isOneLine_withItsOwnExitCode() {
        CloudHarness.Result r = aws.run("list", "--stack", "other");

        assertThat(r.exit()).isEqualTo(ExitCodes.STACK_NOT_DEPLOYED);
        assertThat(r.err()).isEqualTo("cloudbench: stack not deployed: stack 'other' is not deployed in us-east-1:"
                + " deploy it (sam build && sam deploy --guided), or name another with --stack and --region"
                + System.lineSeparator());
    }

    @Test
    void aStackWithoutTheOutputsOfACloudbenchStack_isNotDeployed() {
        aws.cfn.stacks.put("half", new CfnStandIn.DeployedStack("CREATE_IN_PROGRESS", Map.of(), Map.of()));

        CloudHarness.Result r = aws.run("status", "--stack", "half");

        assertThat(r.exit()).isEqualTo(ExitCodes.STACK_NOT_DEPLOYED);
        assertThat(r.err()).contains("stack 'half' in us-east-1 (CREATE_IN_PROGRESS) has no StateMachineArn");
    }

    @Test
    void accessDenied_isOneLine_namingWhatWasDenied() {
        aws.sfn.failEveryCall("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/gh/x is not"
                + " authorized to perform: states:ListExecutions");

        CloudHarness.Result r = aws.run("list");

        assertThat(r.exit()).isEqualTo(ExitCodes.ACCESS_DENIED);
        assertThat(r.err()).isEqualTo("cloudbench: access denied (AccessDeniedException): User: arn:aws:sts::"
                + "123456789012:assumed-role/gh/x is not authorized to perform: states:ListExecutions"
                + System.lineSeparator());
    }

    @Test
    void anExpiredToken_isOneLine_sayingToRenewTheCredentials() {
        aws.sfn.failEveryCall("ExpiredTokenException", "The security token included in the request is expired");

        CloudHarness.Result r = aws.run("list");

        assertThat(r.exit()).isEqualTo(ExitCodes.NO_CREDENTIALS);
        assertThat(r.err()).startsWith("cloudbench: AWS refused the credentials (ExpiredTokenException:")
                .contains("renew them").hasLineCount(1);
    }

    @Test
    void anUnknownFailure_staysAnInternalError_withItsTraceBehindVerbose() {
        aws.sfn.failEveryCall("InvalidArn", "Invalid Arn");

        CloudHarness.Result quiet = aws.run("list");
        CloudHarness.Result verbose = aws.run("list", "--verbose");

        assertThat(quiet.exit()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(quiet.err()).contains("(run with --verbose for details)").hasLineCount(1);
        assertThat(verbose.err()).contains("\tat ");
    }

    /** cloudbench as its own process, its environment stripped of AWS variables but for {@code env}. */
    private record Process(int exit, String out, String err) {
    }

    private Process cloudbench(Map<String, String> env, String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("CLOUDBENCH_"));
        pb.environment().put("HOME", home.toString()); // no ~/.aws of the machine running the tests
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        java.lang.Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("cloudbench did not end");
        }
        return new Process(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void noCredentialsAnywhere_isOneLine_beforeAnyRequest() throws Exception {
        Process p = cloudbench(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_CLOUDFORMATION", aws.cfn.server().endpoint().toString()), "list");

        assertThat(p.exit()).as(p.err()).isEqualTo(ExitCodes.NO_CREDENTIALS);
        assertThat(p.err()).startsWith("cloudbench: no AWS credentials: configure some").hasLineCount(1);
        assertThat(aws.requestCount()).isZero();
    }

    @Test
    void theStandardEndpointVariables_pointTheCommandsAtTheStack() throws Exception {
        aws.sfn.add("from-env", java.time.Instant.parse("2026-01-01T12:00:00Z"));

        Process p = cloudbench(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDTEST",
                "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_ENDPOINT_URL_CLOUDFORMATION", aws.cfn.server().endpoint().toString(),
                "AWS_ENDPOINT_URL_SFN", aws.sfn.server().endpoint().toString()), "list");

        assertThat(p.exit()).as(p.err()).isEqualTo(ExitCodes.OK);
        assertThat(p.out()).contains("from-env");
    }
}
