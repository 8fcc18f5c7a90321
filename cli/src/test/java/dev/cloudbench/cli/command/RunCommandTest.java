package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.RunRequest;
import dev.cloudbench.core.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final Path QUICKSTART = Path.of("../examples/suites/quickstart.json");

    private final CloudHarness aws = new CloudHarness();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        aws.close();
    }

    private JsonNode started() {
        List<JsonNode> calls = aws.sfn.calls("StartExecution");
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static RunRequest input(JsonNode start) {
        return Json.read(start.path("input").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8), RunRequest.class);
    }

    @Test
    void run_startsTheStacksStateMachine_withTheValidatedRequest_namedAfterTheRun() {
        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--no-wait");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        JsonNode start = started();
        assertThat(start.path("stateMachineArn").asText()).isEqualTo(CloudHarness.MACHINE);
        RunRequest request = input(start);
        assertThat(request.runId()).as("the execution's name is the run id").isEqualTo(start.path("name").asText())
                .matches("quickstart-20260101T130000Z-[a-z0-9]{4}");
        assertThat(request.suite().name()).isEqualTo("quickstart");
        assertThat(request.targets()).containsExactly(new Target(null, "x86_64", "c7i.large", "spot-or-on-demand", null));
        assertThat(request.limits().runTimeoutSeconds()).as("the suite's 300 s plus an hour, at least the default")
                .isEqualTo(3900);
        assertThat(r.out()).contains("Started run " + request.runId())
                .contains("console: https://us-east-1.console.aws.amazon.com/states/home?region=us-east-1#/v2/executions/details/")
                .contains("Follow it: cloudbench status " + request.runId() + " --follow")
                .contains("s3://" + CloudHarness.BUCKET + "/runs/" + request.runId() + "/");
        assertThat(aws.cfn.calls()).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("Action", "DescribeStacks").containsEntry("StackName", "cloudbench"));
    }

    @Test
    void run_withArchBoth_startsOneTargetPerArchitecture_onTheStacksDefaultInstanceTypes() {
        aws.deploy(Map.of("X86InstanceType", "c7i.xlarge", "ArmInstanceType", "c7g.xlarge"));

        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--arch", "both", "--market", "spot", "--no-wait",
                "--run-id", "nightly-1", "--runs", "3", "--one-thread-per-core");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        RunRequest request = input(started());
        assertThat(started().path("name").asText()).isEqualTo("nightly-1");
        assertThat(request.targets()).containsExactly(new Target(null, "x86_64", "c7i.xlarge", "spot", 1),
                new Target(null, "arm64", "c7g.xlarge", "spot", 1));
        assertThat(request.suite().runs()).isEqualTo(3);
        assertThat(request.suite().benchmarks()).allSatisfy(b -> assertThat(b.runs()).isNull());
    }

    @Test
    void run_withInstanceTypesPerArchitecture_measuresThoseInsteadOfTheDefaults() {
        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--arch", "both", "--no-wait",
                "--instance-type", "arm64=c8g.large", "--instance-type", "arm64=c7g.large");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(input(started()).targets()).extracting(Target::architecture, Target::instanceType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("x86_64", "c7i.large"),
                org.assertj.core.groups.Tuple.tuple("arm64", "c8g.large"),
                org.assertj.core.groups.Tuple.tuple("arm64", "c7g.large"));
    }

    @Test
    void run_refusesABadSuite_inOneLine_beforeAnyAwsCall() throws Exception {
        Path suite = Files.writeString(dir.resolve("bad.json"),
                "{\"name\":\"x\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\",\"rnus\":3}]}");

        CloudHarness.Result r = aws.run("run", suite.toString());

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: suite.benchmarks[0]: unknown field 'rnus'"
                + System.lineSeparator());
        assertThat(aws.requestCount()).isZero();
    }

    @Test
    void run_refusesAnInstanceTypeWithoutItsArchitecture_whenBothRun_beforeAnyAwsCall() {
        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--arch", "both", "--instance-type", "c7g.large");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--instance-type c7g.large: with --arch both, say which architecture");
        assertThat(aws.requestCount()).isZero();
    }

    @Test
    void run_refusesAnArchitectureItDoesNotKnow() {
        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--arch", "sparc");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--arch: unknown architecture 'sparc'");
        assertThat(aws.requestCount()).isZero();
    }

    @Test
    void run_refusesARunIdAlreadyUsed_asBadInput() {
        aws.sfn.add("taken", java.time.Instant.parse("2026-01-01T00:00:00Z"));

        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--run-id", "taken", "--no-wait");

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("run 'taken' already exists in stack cloudbench");
    }

    @Test
    void run_followsTheExecutionToItsEnd_thenFetchesTheResults_andExitsWithTargetsFailed() {
        aws.sfn.onStart = e -> e.playing(CloudFixtures.recordedHistory(), 40);
        CloudFixtures.publishResults(aws, CloudFixtures.RUN);

        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--arch", "both", "--market", "spot",
                "--run-id", CloudFixtures.RUN, "--output", dir.toString());

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.TARGETS_FAILED);
        assertThat(r.out()).contains("c7i.large-x86_64 · instance i-0a1b2c3d4e5f60718: spot in us-east-1b")
                .contains("c7i.large-x86_64 · benchmark 3 of 4: awk-sum")
                .contains("c7g.large-arm64 · terminated [\"i-0f9e8d7c6b5a40312\"]")
                .contains("Target c7i.large-x86_64 (x86_64, c7i.large): succeeded")
                .contains("Target c7g.large-arm64 (arm64, c7g.large): failed — benchmark gzip-compress failed")
                .contains("not measured: gzip-compress, awk-sum, sha256")
                .contains("Run " + CloudFixtures.RUN + " finished in 3 min 07 s, but some targets failed");
        assertThat(aws.sfn.calls("DescribeExecution")).as("followed over several polls").hasSizeGreaterThan(3);
        Path runDir = dir.resolve("runs").resolve(CloudFixtures.RUN);
        assertThat(runDir.resolve("results.json")).exists();
        assertThat(runDir.resolve("report.md")).hasContent("# quickstart\n\n1 of 2 targets failed");
        assertThat(runDir.resolve("report.html")).exists();
        assertThat(runDir.resolve("targets")).as("raw files only with cloudbench results --all").doesNotExist();
        assertThat(r.err()).contains("cloudbench: run " + CloudFixtures.RUN + " finished");
    }

    @Test
    void run_exitsOk_whenTheExecutionSucceeds() {
        aws.sfn.onStart = e -> e.status = "SUCCEEDED";

        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--run-id", "fine-1", "--output", dir.toString());

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("Run fine-1 succeeded");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void run_withReplicas_startsEveryTargetOnThatManyInstances() {
        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--arch", "both", "--replicas", "3",
                "--instance-type", "x86_64=c7i.large", "--instance-type", "arm64=c7g.large", "--no-wait");

        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(input(started()).targets()).extracting(Target::replicas).containsExactly(3, 3);
        assertThat(r.out()).contains("on 2 target(s), 6 instances in stack")
                .contains("x86_64 c7i.large spot-or-on-demand, 3 replicas (one instance each)");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "0|--replicas: must be between 1 and 10, was 0",
        "11|--replicas: must be between 1 and 10, was 11",
        "2.5|--replicas: '2.5' is not a whole number (1 to 10)",
        "many|--replicas: 'many' is not a whole number (1 to 10)"})
    void run_refusesBadReplicas_inOneLineNamingTheOption_beforeAnyAwsCall(String value, String message) {
        CloudHarness.Result r = aws.run("run", QUICKSTART.toString(), "--replicas", value);

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("cloudbench: bad input: " + message + System.lineSeparator());
        assertThat(aws.requestCount()).isZero();
    }

    @Test
    void run_refusesMoreThanAHundredInstances_countingReplicas() {
        List<String> args = new java.util.ArrayList<>(List.of("run", QUICKSTART.toString(), "--replicas", "10"));
        for (int i = 0; i < 11; i++) {
            args.addAll(List.of("--instance-type", "c7i.large"));
        }
        CloudHarness.Result r = aws.run(args.toArray(String[]::new));

        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("request.targets: 11 targets with their replicas are 110 instances, at most 100");
        assertThat(aws.sfn.calls("StartExecution")).isEmpty();
    }
}
