package dev.cloudbench.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.model.Benchmark;
import dev.cloudbench.core.model.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkScriptTest {
    private static final Suite SUITE = new Suite("s", null, null, List.of(), 1, 2, 60,
            List.of(Benchmark.of("noop", "true")));

    @Test
    void script_asksInstanceMetadataForItsIdentity_onlyOnEc2() {
        String script = BenchmarkScript.generate(SUITE, "run", "target", "cp \"$1\" /tmp/\"$2\"");

        int guard = script.indexOf("if grep -qs 'Amazon EC2' /sys/devices/virtual/dmi/id/sys_vendor");
        int token = script.indexOf("http://169.254.169.254/latest/api/token");
        assertThat(guard).isNotNegative();
        assertThat(token).isGreaterThan(guard);
        assertThat(script.indexOf("169.254.169.254")).isGreaterThan(guard);
        assertThat(script).contains("-H 'X-aws-ec2-metadata-token-ttl-seconds: 60'")
                .contains("curl -sf -m 1").contains("env/instance-identity.txt");
    }

    @Test
    void script_isValidBash(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.sh"),
                BenchmarkScript.generate(SUITE, "run", "target", "cp \"$1\" /tmp/\"$2\""));

        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();

        assertThat(bash.waitFor()).as(new String(bash.getInputStream().readAllBytes())).isZero();
    }
}
