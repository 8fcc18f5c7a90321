package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    private final CloudHarness aws = new CloudHarness();

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void status_rendersARecordedHistory_perTarget_withItsFailuresAndRetries() {
        aws.sfn.add(CloudFixtures.RUN, Instant.parse("2026-01-01T12:00:00Z"))
                .playing(CloudFixtures.recordedHistory(), Integer.MAX_VALUE);

        CloudHarness.Result r = aws.run("status", CloudFixtures.RUN);

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.TARGETS_FAILED);
        String progress = r.out().lines().filter(l -> l.startsWith("[")).map(l -> l.substring(l.indexOf(']') + 2))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(progress).isEqualTo("""
                Plan Run
                Plan Run: Lambda.ServiceException: Rate Exceeded. (Service: Lambda, Status Code: 500, Request ID: 3c1d6a2e)
                Plan Run retried
                run quickstart-20260101T120000Z-k3x9: 2 target(s)
                Resolve Images
                Build Images
                Run Targets
                c7i.large-x86_64 · Launch Instance
                c7g.large-arm64 · Launch Instance
                c7g.large-arm64 · instance i-0f9e8d7c6b5a40312: spot in us-east-1a
                c7g.large-arm64 · Wait For Instance
                c7i.large-x86_64 · Launch Instance: CapacityUnavailableException: no capacity for c7i.large \
                (market spot): spot in us-east-1a: InsufficientInstanceCapacity
                c7g.large-arm64 · Check Instance
                c7g.large-arm64 · instance ready
                c7g.large-arm64 · Start Benchmark
                c7g.large-arm64 · Wait For Benchmark
                c7i.large-x86_64 · Launch Instance retried
                c7i.large-x86_64 · instance i-0a1b2c3d4e5f60718: spot in us-east-1b
                c7i.large-x86_64 · Wait For Instance
                c7g.large-arm64 · Check Benchmark
                c7g.large-arm64 · benchmark 1 of 4: sort-numbers
                c7i.large-x86_64 · Check Instance
                c7i.large-x86_64 · instance ready
                c7i.large-x86_64 · Start Benchmark
                c7i.large-x86_64 · Wait For Benchmark
                c7g.large-arm64 · Check Benchmark: Lambda.ServiceException: Internal error (Service: Lambda, \
                Status Code: 500)
                c7g.large-arm64 · Check Benchmark retried
                c7g.large-arm64 · Check Benchmark: BenchmarkFailedException: benchmark gzip-compress failed \
                with exit code 1 (2 of 4 measured; log: logs/quickstart-20260101T120000Z-k3x9/c7g.large-arm64/)
                c7g.large-arm64 · Failed In Check Benchmark
                c7g.large-arm64 · Terminate After Failure
                c7g.large-arm64 · terminated ["i-0f9e8d7c6b5a40312"]
                c7i.large-x86_64 · Check Benchmark
                c7i.large-x86_64 · benchmark 1 of 4: sort-numbers
                c7i.large-x86_64 · benchmark 3 of 4: awk-sum
                c7i.large-x86_64 · Collect Results
                c7i.large-x86_64 · results collected
                c7i.large-x86_64 · Terminate Instance
                c7i.large-x86_64 · terminated ["i-0a1b2c3d4e5f60718"]
                Publish Report
                Targets Failed
                """);
        assertThat(r.out()).as("elapsed time from the execution's start, on every line")
                .contains("[   0.0s] Plan Run").contains("[  36.5s] c7i.large-x86_64 · Launch Instance retried");
        assertThat(r.out()).contains("Run " + CloudFixtures.RUN + " finished in 3 min")
                .contains("but some targets failed: 1 of 2 targets failed: c7g.large-arm64")
                .contains("Results: cloudbench results " + CloudFixtures.RUN);
        assertThat(aws.sfn.calls("GetExecutionHistory")).as("pages of 25 events").hasSizeGreaterThan(5)
                .allSatisfy(c -> assertThat(c.path("reverseOrder").asBoolean()).isTrue());
    }
}
