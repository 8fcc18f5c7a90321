package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * packer/image.pkr.hcl: formatted, valid as far as the installed Packer can tell offline, and true to
 * the contract the rest of the stack relies on (tags, IMDSv2, encryption, Canonical's Ubuntu).
 *
 * <p>Offline, Packer cannot download the amazon plugin that `packer init` installs in CodeBuild. Debian's
 * Packer (1.6.6, Debian package: packer) still bundles the amazon builder but predates the
 * {@code packer { required_plugins }} block and a few builder settings: the validation runs on a copy
 * without them, and the text assertions below cover what was cut.
 */
class PackerTemplateTest {
    private static final Path TEMPLATE = Repo.PACKER.resolve("image.pkr.hcl");
    private static final String FINGERPRINT = "3f4efb8afd1f84ac2a98c04661c898561d1d35527d030cb4571e99b7c85f5079";
    /** Settings the template uses that the amazon builder bundled with Packer < 1.10 does not know. */
    private static final List<String> NEWER_THAN_BUNDLED_BUILDER =
            List.of("imds_support", "temporary_security_group_source_public_ip", "metadata_options");

    private static final String TEXT = Repo.read(TEMPLATE);

    @TempDir
    Path work;

    @Test
    void template_isInPackersCanonicalFormat() {
        assumePacker();
        Command.Result fmt = Command.run(Repo.PACKER, List.of("packer", "fmt", "-check", "-diff", "."));
        assertThat(fmt.exitCode()).as("packer fmt -check -diff:%n%s", fmt.output()).isZero();
    }

    @Test
    void template_passesPackersSyntaxCheck() throws IOException {
        assumePacker();
        Path copy = copyWithout(List.of());
        Command.Result validate = packer(copy, "validate", "-syntax-only", "-var", "fingerprint=" + FINGERPRINT, ".");
        assertThat(validate.exitCode()).as("packer validate -syntax-only:%n%s", validate.output()).isZero();
    }

    @Test
    void template_passesFullValidation_withTheBundledAmazonBuilder() throws IOException {
        assumeBundledAmazonBuilder();
        Path copy = copyWithout(NEWER_THAN_BUNDLED_BUILDER);
        Command.Result validate = packer(copy, "validate", "-var", "fingerprint=" + FINGERPRINT,
                "-var", "architecture=arm64", "-var", "stack_name=bench", ".");
        assertThat(validate.exitCode()).as("packer validate:%n%s", validate.output()).isZero();
    }

    @ParameterizedTest(name = "fingerprint={0}")
    @CsvSource({"ABC", "3F4EFB8AFD1F84AC2A98C04661C898561D1D35527D030CB4571E99B7C85F5079", "3f4efb8afd1f84ac2a98c04661c898561d1d35527d030cb4571e99b7c85f507"})
    void fingerprintThatIsNotLowercaseHexSha256_isRejected(String fingerprint) throws IOException {
        assumeBundledAmazonBuilder();
        Path copy = copyWithout(NEWER_THAN_BUNDLED_BUILDER);
        Command.Result validate = packer(copy, "validate", "-var", "fingerprint=" + fingerprint, ".");
        assertThat(validate.exitCode()).isNotZero();
        assertThat(validate.output()).contains("The fingerprint must be a lowercase hex SHA-256");
    }

    @Test
    void architectureOtherThanX86OrArm_isRejected() throws IOException {
        assumeBundledAmazonBuilder();
        Path copy = copyWithout(NEWER_THAN_BUNDLED_BUILDER);
        Command.Result validate = packer(copy, "validate", "-var", "fingerprint=" + FINGERPRINT, "-var", "architecture=aarch64", ".");
        assertThat(validate.exitCode()).isNotZero();
        assertThat(validate.output()).contains("The architecture must be x86_64 or arm64");
    }

    @Test
    void builderTags_letTheSweeperFindAndExpireTheBuilder() throws IOException {
        assumeBundledAmazonBuilder();
        Instant before = Instant.now();
        Map<String, String> tags = evaluate("local.builder_tags", "stack_name=bench-stack");

        assertThat(tags).containsEntry("cloudbench:stack", "bench-stack")
                .containsEntry("cloudbench:role", "image-build")
                .containsEntry("cloudbench:fingerprint", FINGERPRINT);
        // An ISO-8601 UTC instant, three hours after the build started.
        assertThat(tags.get("cloudbench:deadline")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        Instant deadline = Instant.parse(tags.get("cloudbench:deadline"));
        assertThat(Duration.between(before, deadline).toMinutes()).isCloseTo(180, within(2L));
    }

    @Test
    void imageTags_letTheStateMachineFindTheImageByFingerprint() throws IOException {
        assumeBundledAmazonBuilder();
        Map<String, String> tags = evaluate("local.image_tags", "stack_name=bench-stack");

        assertThat(tags).containsEntry("cloudbench:fingerprint", FINGERPRINT)
                .containsEntry("cloudbench:stack", "bench-stack")
                .doesNotContainKey("cloudbench:deadline");
        assertThat(tags.get("cloudbench:role")).isNotEqualTo("image-build");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86-build, x86_64, amd64", "arm-build, arm64, arm64"})
    void eachSource_buildsUbuntuLtsFromCanonical_forItsArchitecture(String source, String architecture, String ubuntuArch) {
        String body = source(source);
        assertThat(TEXT).containsPattern("canonical_owner\\s*=\\s*\"099720109477\"");
        assertThat(body).containsPattern("owners\\s*=\\s*\\[local\\.canonical_owner\\]")
                .containsPattern("most_recent\\s*=\\s*true")
                .containsPattern("architecture\\s*=\\s*\"" + architecture + "\"")
                .contains("ubuntu/images/hvm-ssd-gp3/${local.ubuntu_release}-" + ubuntuArch + "-server-*");
        assertThat(TEXT).containsPattern("ubuntu_release\\s*=\\s*\"ubuntu-noble-24\\.04\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86-build", "arm-build"})
    void eachBuilder_requiresImdsV2_andHasAnEncryptedGp3RootVolumeDeletedWithIt(String source) {
        String body = source(source);
        String metadata = Hcl.block(body, "metadata_options");
        assertThat(metadata).containsPattern("http_tokens\\s*=\\s*\"required\"")
                .containsPattern("http_put_response_hop_limit\\s*=\\s*1\\b");
        assertThat(body).containsPattern("imds_support\\s*=\\s*\"v2\\.0\"");

        String volume = Hcl.block(body, "launch_block_device_mappings");
        assertThat(volume).containsPattern("device_name\\s*=\\s*\"/dev/sda1\"")
                .containsPattern("volume_type\\s*=\\s*\"gp3\"")
                .containsPattern("encrypted\\s*=\\s*var\\.encrypted")
                .containsPattern("delete_on_termination\\s*=\\s*true");
        assertThat(Hcl.block(TEXT, "variable \"encrypted\"")).containsPattern("default\\s*=\\s*true");

        assertThat(body).containsPattern("shutdown_behavior\\s*=\\s*\"terminate\"")
                .containsPattern("ssh_clear_authorized_keys\\s*=\\s*true")
                .containsPattern("temporary_security_group_source_public_ip\\s*=\\s*true");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86-build, x86_64", "arm-build, arm64"})
    void eachSource_tagsImageAndSnapshots_andBuilderAndItsVolumes_withItsArchitecture(String source, String architecture) {
        String body = source(source);
        String archTag = "\"cloudbench:architecture\"\\s*=\\s*\"" + architecture + "\"";
        for (String image : List.of("tags", "snapshot_tags")) {
            assertThat(body).containsPattern("(?m)^\\s*" + image + "\\s*=\\s*merge\\(local\\.image_tags,\\s*\\{[^}]*" + archTag);
        }
        for (String builder : List.of("run_tags", "run_volume_tags")) {
            assertThat(body).containsPattern("(?m)^\\s*" + builder + "\\s*=\\s*merge\\(local\\.builder_tags,\\s*\\{[^}]*" + archTag);
        }
        assertThat(body).containsPattern("ami_name\\s*=\\s*\"cloudbench-" + architecture + "-\\$\\{var\\.fingerprint\\}");
    }

    @Test
    void build_runsBothSources_andTheProvisioningScriptsThatExist() {
        String build = Hcl.block(TEXT, "build");
        assertThat(build).contains("\"source.amazon-ebs.x86-build\"", "\"source.amazon-ebs.arm-build\"");
        Matcher scripts = Pattern.compile("\\$\\{path\\.root\\}/(scripts/[\\w.-]+)").matcher(build);
        List<String> found = new ArrayList<>();
        while (scripts.find()) {
            found.add(scripts.group(1));
        }
        assertThat(found).startsWith("scripts/install-deps.sh");
        assertThat(found).allSatisfy(script -> assertThat(Repo.PACKER.resolve(script)).isRegularFile());
    }

    @Test
    void amazonPlugin_isPinnedToOneVersion() {
        String plugins = Hcl.block(Hcl.block(TEXT, "packer"), "required_plugins");
        assertThat(plugins).containsPattern("source\\s*=\\s*\"github\\.com/hashicorp/amazon\"")
                .containsPattern("version\\s*=\\s*\"\\d+\\.\\d+\\.\\d+\"");
    }

    private static String source(String name) {
        return Hcl.block(TEXT, "source \"amazon-ebs\" \"" + name + "\"");
    }

    /** A copy of packer/ whose template has no {@code packer {}} block and none of {@code settings}. */
    private Path copyWithout(List<String> settings) throws IOException {
        Path copy = work.resolve("packer");
        try (Stream<Path> files = Files.walk(Repo.PACKER)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(Repo.PACKER.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        String text = Hcl.withoutBlock(TEXT, "packer");
        for (String setting : settings) {
            text = Hcl.withoutSetting(text, setting);
        }
        Files.writeString(copy.resolve("image.pkr.hcl"), text);
        return copy;
    }

    /** Evaluates {@code expression} with `packer console` on the bundled-builder copy; it must be a map of strings. */
    private Map<String, String> evaluate(String expression, String... vars) throws IOException {
        Path copy = copyWithout(NEWER_THAN_BUNDLED_BUILDER);
        List<String> command = new ArrayList<>(List.of("packer", "console", "-var", "fingerprint=" + FINGERPRINT));
        for (String var : vars) {
            command.addAll(List.of("-var", var));
        }
        command.add(".");
        Command.Result result = Command.run(copy, command, Map.of("CHECKPOINT_DISABLE", "1"), "jsonencode(" + expression + ")\n");
        assertThat(result.exitCode()).as("packer console:%n%s", result.output()).isZero();
        return new ObjectMapper().readValue(result.output().strip(), new TypeReference<Map<String, String>>() { });
    }

    private static Command.Result packer(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("packer"));
        command.addAll(List.of(args));
        return Command.run(dir, command, Map.of("CHECKPOINT_DISABLE", "1"), "");
    }

    private static void assumePacker() {
        assumeTrue(Command.onPath("packer"), "packer is not installed (Debian: apt-get install packer)");
    }

    /** Packer before 1.10 bundles the amazon builder, so it can validate and evaluate the template offline. */
    private static void assumeBundledAmazonBuilder() {
        assumePacker();
        String version = Command.run(Repo.PACKER, List.of("packer", "version")).output();
        Matcher m = Pattern.compile("Packer v(\\d+)\\.(\\d+)").matcher(version);
        assumeTrue(m.find() && Integer.parseInt(m.group(1)) == 1 && Integer.parseInt(m.group(2)) < 10,
                "needs a Packer that bundles the amazon builder (< 1.10, e.g. Debian's 1.6.6); found: " + version.strip());
    }
}
