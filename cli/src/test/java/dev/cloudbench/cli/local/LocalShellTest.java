package dev.cloudbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.port.CommandStatus;
import dev.cloudbench.core.port.LaunchSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalShellTest {
    private static final Map<String, String> ENV = SuiteEnvironment.of(System.getenv(), System.getenv("PATH"));
    @TempDir
    Path dir;

    private CommandStatus waitForEnd(LocalShell shell, String instance, String command) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            CommandStatus s = shell.status(instance, command);
            if (s.finished()) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("command did not end");
    }

    @Test
    void scriptRunsInItsWorkDirectory_withExitCodeAndStderrTailKept() throws Exception {
        DirectoryStore store = new DirectoryStore(dir.resolve("store"));
        try (LocalHost host = new LocalHost(dir.resolve("hosts"))) {
            LocalFleet fleet = new LocalFleet(host, Clock.systemUTC());
            String id = fleet.launch(spec("r", "t")).instanceId();
            LocalShell shell = new LocalShell(host, store, ENV);
            assertThat(shell.isReady(id)).isTrue();
            String cmd = shell.start(id, "pwd; echo oops >&2; exit 5", 30, "runs/r/targets/t/logs/");
            CommandStatus status = waitForEnd(shell, id, cmd);
            assertThat(status.state()).isEqualTo(CommandStatus.State.FAILED);
            assertThat(status.exitCode()).isEqualTo(5);
            assertThat(status.stderrTail()).contains("oops");
            assertThat(store.get("runs/r/targets/t/logs/stdout.txt")).isPresent();
            assertThat(new String(store.get("runs/r/targets/t/logs/stdout.txt").get())).contains(id);
        }
    }

    @Test
    void scriptPastItsTimeout_isKilledWithItsChildren() throws Exception {
        DirectoryStore store = new DirectoryStore(dir.resolve("store"));
        try (LocalHost host = new LocalHost(dir.resolve("hosts"))) {
            LocalFleet fleet = new LocalFleet(host, Clock.systemUTC());
            String id = fleet.launch(spec("r", "t")).instanceId();
            LocalShell shell = new LocalShell(host, store, ENV);
            String cmd = shell.start(id, "sleep 61.7 & sleep 61.7; wait", 1, "logs/");
            CommandStatus status = waitForEnd(shell, id, cmd);
            assertThat(status.state()).isEqualTo(CommandStatus.State.TIMED_OUT);
            Thread.sleep(200);
            assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains("sleep 61.7")).toList()).isEmpty();
        }
    }

    @Test
    void terminate_killsRunningScripts_andRemovesTheWorkDirectory() throws Exception {
        DirectoryStore store = new DirectoryStore(dir.resolve("store"));
        try (LocalHost host = new LocalHost(dir.resolve("hosts"))) {
            LocalFleet fleet = new LocalFleet(host, Clock.systemUTC());
            String id = fleet.launch(spec("r", "t")).instanceId();
            assertThat(fleet.launch(spec("r", "t")).reused()).as("a retried launch reuses the instance").isTrue();
            LocalShell shell = new LocalShell(host, store, ENV);
            String cmd = shell.start(id, "sleep 62.3", 60, "logs/");
            fleet.terminate(List.of(id));
            assertThat(shell.status(id, cmd).state()).isEqualTo(CommandStatus.State.CANCELLED);
            assertThat(host.root().resolve(id)).doesNotExist();
            assertThat(fleet.findLive("r", null)).isEmpty();
            assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains("sleep 62.3")).toList()).isEmpty();
        }
    }

    private static LaunchSpec spec(String run, String target) {
        return new LaunchSpec(run, target, "x86_64", "local", "on-demand", null, "localhost",
                Instant.now().plusSeconds(600), 0);
    }

    @Test
    void script_runsWithoutTheCredentialsOfTheCliEnvironment_andWithTheGivenPath() throws Exception {
        Map<String, String> cli = new java.util.HashMap<>(System.getenv());
        cli.putAll(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "aws-secret",
                "AWS_PROFILE", "prod", "GITHUB_TOKEN", "ghp_secret", "GH_TOKEN", "gh-secret",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "oidc-secret", "NPM_TOKEN", "npm-secret",
                "SSH_AUTH_SOCK", "/tmp/agent.sock", "my_service_password", "pw-secret", "KEEP_ME", "kept"));
        DirectoryStore store = new DirectoryStore(dir.resolve("store"));
        try (LocalHost host = new LocalHost(dir.resolve("hosts"))) {
            String id = new LocalFleet(host, Clock.systemUTC()).launch(spec("r", "t")).instanceId();
            LocalShell shell = new LocalShell(host, store, SuiteEnvironment.of(cli, "/opt/tools/bin:/usr/bin:/bin"));
            CommandStatus status = waitForEnd(shell, id, shell.start(id, "env", 30, "logs/"));
            assertThat(status.state()).isEqualTo(CommandStatus.State.SUCCEEDED);
            String env = new String(store.get("logs/stdout.txt").orElseThrow());
            assertThat(env).doesNotContain("AKIAEXAMPLE", "aws-secret", "AWS_PROFILE", "ghp_secret", "gh-secret",
                    "oidc-secret", "npm-secret", "agent.sock", "pw-secret");
            assertThat(env).contains("KEEP_ME=kept", "PATH=/opt/tools/bin:/usr/bin:/bin",
                    "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_EC2_METADATA_DISABLED=true");
        }
    }
}
