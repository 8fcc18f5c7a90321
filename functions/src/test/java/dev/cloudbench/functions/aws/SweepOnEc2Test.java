package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.run.SweepReport;
import dev.cloudbench.core.service.SweepService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweeper through the real EC2 adapter: it sees this stack's instances and nothing else. */
class SweepOnEc2Test {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final Ec2StandIn ec2 = new Ec2StandIn();

    @AfterEach
    void close() {
        ec2.close();
    }

    private static Map<String, String> tags(String stack, String run, String deadline) {
        return Map.of("cloudbench:stack", stack, "cloudbench:run-id", run, "cloudbench:target-id", "t",
                "cloudbench:deadline", deadline);
    }

    @Test
    void sweep_terminatesOnlyThisStacksExpiredOrOrphanedInstances() {
        String past = NOW.minusSeconds(60).toString();
        String future = NOW.plusSeconds(3600).toString();
        ec2.instances.add(new Ec2StandIn.Instance("i-expired", "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", tags("cb-test", "run-live", past)));
        ec2.instances.add(new Ec2StandIn.Instance("i-live", "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", tags("cb-test", "run-live", future)));
        ec2.instances.add(new Ec2StandIn.Instance("i-orphan", "c7g.large", "running", null, null, "spot", "us-east-1a",
                "ami-1", tags("cb-test", "run-ended", future)));
        ec2.instances.add(new Ec2StandIn.Instance("i-builder", "c7i.large", "running", null, null, null, "us-east-1a",
                "ami-1", Map.of("cloudbench:stack", "cb-test", "cloudbench:role", "image-build",
                        "cloudbench:deadline", past)));
        ec2.instances.add(new Ec2StandIn.Instance("i-other-stack", "c7g.large", "running", null, null, "spot",
                "us-east-1a", "ami-1", tags("someone-else", "run-ended", past)));
        ec2.instances.add(new Ec2StandIn.Instance("i-untagged", "c7g.large", "running", null, null, null, "us-east-1a",
                "ami-1", Map.of()));
        Ec2Fleet fleet = new Ec2Fleet(TestAws.clients(ec2.server().endpoint()).ec2(), TestAws.settings());

        SweepReport report = new SweepService(fleet, Set.of("run-live")::contains, Clock.fixed(NOW, ZoneOffset.UTC))
                .sweep();

        assertThat(report.swept()).extracting(SweepReport.Swept::instanceId)
                .containsExactlyInAnyOrder("i-expired", "i-orphan", "i-builder");
        assertThat(ec2.calls("TerminateInstances")).flatExtracting(Map::values)
                .doesNotContain("i-live", "i-other-stack", "i-untagged");
        assertThat(ec2.calls("DescribeInstances").get(0)).containsEntry("Filter.1.Name", "tag:cloudbench:stack")
                .containsEntry("Filter.1.Value.1", "cb-test");
    }

    @Test
    void sweep_keepsTheInstancesOfARunningExecution_whoseNameDiffersFromItsRunId() {
        String machine = TestAws.settings().stateMachineArn();
        String execution = machine.replace(":stateMachine:", ":execution:") + ":manual-start-1";
        Map<String, String> tagged = new java.util.HashMap<>(tags("cb-test", "nightly-run", NOW.plusSeconds(3600).toString()));
        tagged.put(Ec2Tags.EXECUTION, execution);
        ec2.instances.add(new Ec2StandIn.Instance("i-raw-start", "c7g.large", "running", null, null, "spot",
                "us-east-1a", "ami-1", tagged));
        try (JsonStandIn sfn = JsonStandIn.json10()) {
            sfn.on("DescribeExecution", r -> r.path("executionArn").asText().equals(execution)
                    ? sfn.okHere("{\"executionArn\":\"" + execution + "\",\"stateMachineArn\":\"" + machine
                            + "\",\"status\":\"RUNNING\",\"startDate\":1772366400}")
                    // The ARN rebuilt from the run id names no execution: asked that, the sweeper would terminate.
                    : sfn.errorHere("ExecutionDoesNotExist", "Execution does not exist"));
            Ec2Fleet fleet = new Ec2Fleet(TestAws.clients(ec2.server().endpoint()).ec2(), TestAws.settings());
            SfnExecutions executions = new SfnExecutions(TestAws.clients(sfn.server().endpoint()).sfn(), machine);

            SweepReport report = new SweepService(fleet, executions, Clock.fixed(NOW, ZoneOffset.UTC)).sweep();

            assertThat(report.swept()).isEmpty();
            assertThat(ec2.calls("TerminateInstances")).isEmpty();
            assertThat(sfn.calls("DescribeExecution")).singleElement()
                    .satisfies(r -> assertThat(r.path("executionArn").asText()).isEqualTo(execution));

            // Once that execution ended, its instance goes.
            sfn.on("DescribeExecution", r -> sfn.okHere("{\"executionArn\":\"" + execution + "\",\"stateMachineArn\":\""
                    + machine + "\",\"status\":\"SUCCEEDED\",\"startDate\":1772366400}"));
            assertThat(new SweepService(fleet, executions, Clock.fixed(NOW, ZoneOffset.UTC)).sweep().swept())
                    .extracting(SweepReport.Swept::instanceId).containsExactly("i-raw-start");
        }
    }
}
