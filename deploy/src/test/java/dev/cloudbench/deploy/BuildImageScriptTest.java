package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** packer/scripts/build-image.sh, CodeBuild's build step, run against stand-ins for aws and packer. */
class BuildImageScriptTest {
    private static final Path SCRIPT = Repo.PACKER.resolve("scripts/build-image.sh");
    private static final String FINGERPRINT = "d1dbaa3e9af24549fad92bdbe4fb21fa53302cd048a8f004e85a240984c93d4d";

    @TempDir
    Path dir;
    private Stubs stubs;

    @BeforeEach
    void noImageYet() {
        stubs = new Stubs(dir).add("aws", "echo \"${AWS_STUB_OUTPUT:-None}\"").add("packer", "exit 0");
    }

    private Command.Result run(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(stubs.env());
        env.putAll(Map.of("ARCHITECTURE", "arm64", "FINGERPRINT", FINGERPRINT, "STACK_NAME", "bench-stack",
                "AWS_REGION", "eu-west-1"));
        env.putAll(overrides);
        return Command.run(Repo.PACKER, List.of("bash", SCRIPT.toString()), env, "");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"x86_64, amazon-ebs.x86-build", "arm64, amazon-ebs.arm-build"})
    void requestedArchitecture_buildsOnlyItsOwnSource(String architecture, String source) {
        Command.Result result = run(Map.of("ARCHITECTURE", architecture));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(stubs.calls()).last().isEqualTo("packer build -color=false -timestamp-ui -only=" + source
                + " -var region=eu-west-1 -var architecture=" + architecture + " -var fingerprint=" + FINGERPRINT
                + " -var stack_name=bench-stack .");
        String name = source.substring("amazon-ebs.".length());
        assertThat(Repo.read(Repo.PACKER.resolve("image.pkr.hcl"))).contains("source \"amazon-ebs\" \"" + name + "\" {");
    }

    @Test
    void existingImageForTheFingerprint_isLookedUpByTags_andNotBuiltAgain() {
        Command.Result result = run(Map.of("AWS_STUB_OUTPUT", "ami-0123456789abcdef0"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("ami-0123456789abcdef0 already holds arm64 image " + FINGERPRINT);
        assertThat(stubs.calls()).singleElement().asString()
                .startsWith("aws ec2 describe-images --region eu-west-1 --owners self")
                .contains("Name=tag:cloudbench:fingerprint,Values=" + FINGERPRINT,
                        "Name=tag:cloudbench:architecture,Values=arm64", "Name=state,Values=available");
    }

    @Test
    void builderSubnet_isPassedToPacker_whenGiven() {
        Command.Result result = run(Map.of("BUILDER_SUBNET_ID", "subnet-0abc"));

        assertThat(result.exitCode()).isZero();
        assertThat(stubs.calls()).last().asString().contains("-var subnet_id=subnet-0abc .");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "ARCHITECTURE, aarch64, ARCHITECTURE must be x86_64 or arm64",
        "FINGERPRINT, D1DBAA3E9AF24549FAD92BDBE4FB21FA53302CD048A8F004E85A240984C93D4D, FINGERPRINT must be a lowercase hex SHA-256",
        "FINGERPRINT, 'abc; rm -rf /', FINGERPRINT must be a lowercase hex SHA-256",
        "STACK_NAME, '', STACK_NAME must be a CloudFormation stack name",
        "AWS_REGION, '', AWS_REGION is not set",
    })
    void badBuildRequest_failsBeforeCallingAwsOrPacker(String variable, String value, String message) {
        Command.Result result = run(Map.of(variable, value));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains(message);
        assertThat(stubs.calls()).isEmpty();
    }
}
