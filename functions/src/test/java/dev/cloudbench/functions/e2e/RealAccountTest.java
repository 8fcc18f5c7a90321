package dev.cloudbench.functions.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.InstanceStatus;
import dev.cloudbench.core.port.LaunchSpec;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.functions.aws.AwsClients;
import dev.cloudbench.functions.aws.AwsSettings;
import dev.cloudbench.functions.aws.Ec2Fleet;
import dev.cloudbench.functions.aws.S3ResultStore;
import dev.cloudbench.functions.aws.SsmShell;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The adapters against a real account and a deployed stack: {@code mvn -Pe2e verify -pl functions -am}.
 * Skipped unless {@code CLOUDBENCH_E2E_STACK} names the stack and credentials are in the
 * environment; the stack's settings come in the functions' own variables (RESULTS_BUCKET,
 * SUBNET_IDS, SECURITY_GROUP_ID, INSTANCE_PROFILE_ARN) and AWS_REGION. The instance test also
 * needs {@code CLOUDBENCH_E2E_IMAGE_ID}, an arm64 image with the SSM agent; it launches one
 * t4g.nano for a few minutes and terminates everything tagged with its run whatever happens.
 */
@Tag("e2e")
class RealAccountTest {
    private static final AwsClients CLIENTS = AwsClients.fromEnvironment();
    private AwsSettings settings;

    @BeforeEach
    void requireAnAccount() {
        Map<String, String> env = System.getenv();
        assumeTrue(env.containsKey("CLOUDBENCH_E2E_STACK"), "CLOUDBENCH_E2E_STACK is not set");
        assumeTrue(env.containsKey("AWS_ACCESS_KEY_ID") || env.containsKey("AWS_PROFILE")
                || env.containsKey("AWS_WEB_IDENTITY_TOKEN_FILE") || env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")
                || env.containsKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"), "no AWS credentials in the environment");
        Map<String, String> withStack = new HashMap<>(env);
        withStack.put("STACK_NAME", env.get("CLOUDBENCH_E2E_STACK"));
        settings = AwsSettings.fromEnvironment(withStack);
    }

    @Test
    void resultStore_roundTripsAndLists_inTheStacksBucket() {
        S3ResultStore store = new S3ResultStore(CLIENTS.s3(), settings.resultsBucket());
        String prefix = "e2e/" + UUID.randomUUID() + "/";

        store.put(prefix + "a.json", "{}".getBytes(StandardCharsets.UTF_8));
        store.put(prefix + "b.txt", "b".getBytes(StandardCharsets.UTF_8));

        assertThat(store.get(prefix + "a.json")).isPresent();
        assertThat(store.get(prefix + "missing")).isEmpty();
        assertThat(store.list(prefix)).containsExactly(prefix + "a.json", prefix + "b.txt");
    }

    @Test
    void fleet_rejectsAWrongArchitecture_beforeLaunching() {
        Ec2Fleet fleet = new Ec2Fleet(CLIENTS.ec2(), settings);

        assertThatThrownBy(() -> fleet.launch(new LaunchSpec("e2e-" + UUID.randomUUID(), "t", "x86_64", "c7g.large",
                "on-demand", null, "ami-00000000000000000", Instant.now().plusSeconds(600), 0)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("arm64");
    }

    @Test
    void fleetAndShell_launchRunAndTerminate_oneSmallInstance() throws InterruptedException {
        String image = System.getenv("CLOUDBENCH_E2E_IMAGE_ID");
        assumeTrue(image != null, "CLOUDBENCH_E2E_IMAGE_ID is not set");
        Ec2Fleet fleet = new Ec2Fleet(CLIENTS.ec2(), settings);
        S3ResultStore store = new S3ResultStore(CLIENTS.s3(), settings.resultsBucket());
        SsmShell shell = new SsmShell(CLIENTS.ssm(), store, Clock.systemUTC());
        String run = "e2e-" + UUID.randomUUID();
        LaunchSpec spec = new LaunchSpec(run, "t4g-nano", "arm64", "t4g.nano", "spot-or-on-demand", null, image,
                Instant.now().plus(Duration.ofMinutes(20)), 0);
        try {
            LaunchedInstance launched = fleet.launch(spec);
            assertThat(fleet.launch(spec).instanceId()).as("a retried launch").isEqualTo(launched.instanceId());
            String id = launched.instanceId();
            waitFor(() -> fleet.describe(id).state() == InstanceStatus.State.RUNNING && shell.isReady(id));

            String command = shell.start(id, "#!/usr/bin/env bash\necho hello from cloudbench\n", 60,
                    "e2e/" + run + "/logs/");
            waitFor(() -> shell.status(id, command).finished());

            assertThat(shell.status(id, command).state()).isEqualTo(CommandStatus.State.SUCCEEDED);
        } finally {
            fleet.terminate(fleet.findLive(run, null));
        }
        assertThat(fleet.findLive(run, null)).isEmpty();
    }

    /** Polls every ten seconds for at most ten minutes. */
    private static void waitFor(Supplier<Boolean> condition) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(10_000);
        }
        throw new AssertionError("condition not met in ten minutes");
    }
}
