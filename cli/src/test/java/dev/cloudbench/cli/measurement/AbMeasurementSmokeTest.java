package dev.cloudbench.cli.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.testing.Hyperfine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/ab-measurement.sh's program, run as the script runs it (its own JVM, hyperfine on the
 * PATH) on the smallest input it takes: one trial of one scenario, a ~2 ms command, five rounds.
 * It measures nothing worth reading; it proves the program still builds against the modules and
 * runs end to end — both methods, the summary and the per-trial rows.
 */
class AbMeasurementSmokeTest {
    @Test
    void oneTinyTrial_writesEveryMethod(@TempDir Path out) throws Exception {
        ProcessBuilder pb = Hyperfine.onPath(new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), AbMeasurement.class.getName(),
                "--trials", "1", "--minutes", "1", "--target-ms", "2", "--warmup", "0", "--runs", "2",
                "--rounds-min", "5", "--rounds-max", "5", "--naive-runs", "3", "--scenarios", "plus5", "--out", out.toString())))
                .redirectErrorStream(true).redirectOutput(out.resolve("log.txt").toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String log = Files.readString(out.resolve("log.txt"), StandardCharsets.UTF_8);
        assertThat(ended).as("ended within 3 minutes; log:%n%s", log).isTrue();
        assertThat(p.exitValue()).as("exit code; log:%n%s", log).isZero();

        List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
        assertThat(rows.get(0)).startsWith("method,scenario,trial,verdict,ratio");
        // Three methods: interleaved rounds, hyperfine as printed, unpaired bootstrap.
        assertThat(rows.subList(1, rows.size())).hasSize(3).allMatch(r -> r.contains(",plus5,1,"))
                .anyMatch(r -> r.startsWith("cloudbench interleaved rounds,")).anyMatch(r -> r.startsWith("naive: hyperfine"))
                .anyMatch(r -> r.startsWith("naive: unpaired bootstrap,"));
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).startsWith("1 trial(s) in ")
                .contains("| cloudbench interleaved rounds | ", "| naive: hyperfine ± (as printed) | ",
                        "| naive: unpaired bootstrap | ")
                .contains("median rounds (A/A, +2 %, +5 %)");
        assertThat(log).contains("trial 1 done at");
    }
}
