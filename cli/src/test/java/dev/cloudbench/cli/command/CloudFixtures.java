package dev.cloudbench.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.Statistics;
import dev.cloudbench.core.results.TargetError;
import dev.cloudbench.core.results.TargetResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded run the cloud command tests share: its history, and the results it published. */
final class CloudFixtures {
    /** The run of history/targets-failed.json: x86 succeeded after a capacity retry, arm64 failed in a benchmark. */
    static final String RUN = "quickstart-20260101T120000Z-k3x9";

    private CloudFixtures() {
    }

    /** GetExecutionHistory's answer for the whole recorded run. */
    static JsonNode recordedHistory() {
        try (InputStream in = CloudFixtures.class.getResourceAsStream("/history/targets-failed.json")) {
            return Json.payload().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts what the recorded run published into the harness's bucket. */
    static void publishResults(CloudHarness aws, String runId) {
        double[] fast = {0.101, 0.103, 0.099, 0.102};
        double[] slow = {0.204, 0.199, 0.201, 0.207};
        TargetResult x86 = new TargetResult("c7i.large-x86_64", "x86_64", "c7i.large", "spot", "succeeded", null, null,
                List.of(result("sort-numbers", fast), result("gzip-compress", slow), result("awk-sum", fast),
                    result("sha256", slow)), List.of(), null, null);
        TargetResult arm = new TargetResult("c7g.large-arm64", "arm64", "c7g.large", "spot", "failed",
                new TargetError("dev.cloudbench.core.error.BenchmarkFailedException",
                        "benchmark gzip-compress failed with exit code 1", "Check Benchmark"), null,
                List.of(result("sort-numbers", fast)), List.of("gzip-compress", "awk-sum", "sha256"), null, null);
        RunResults results = new RunResults(RunResults.SCHEMA, runId, "quickstart", "failed", "2026-01-01T12:04:00Z",
                List.of(x86, arm));
        aws.s3.objects.put("runs/" + runId + "/results.json", Json.writePretty(results));
        aws.s3.objects.put("runs/" + runId + "/report.md", bytes("# quickstart\n\n1 of 2 targets failed\n"));
        aws.s3.objects.put("runs/" + runId + "/report.html", bytes("<!doctype html><title>quickstart</title>"));
        aws.s3.objects.put("runs/" + runId + "/targets/c7i.large-x86_64/raw/sort-numbers.json", bytes("{\"results\":[]}"));
    }

    private static BenchmarkResult result(String name, double[] times) {
        return new BenchmarkResult(name, name, null, 4, Statistics.of(times), null, null, times, null, null, null, null);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
