package dev.cloudbench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.deploy.iam.PolicyEvaluator;
import dev.cloudbench.deploy.iam.Request;
import dev.cloudbench.deploy.iam.RolePolicies;
import dev.cloudbench.deploy.iam.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The nightly schedule's role (NightlyRunRole) and the state machine's role, by policy evaluation:
 * the schedule starts this state machine and nothing else; the state machine invokes exactly the
 * task functions its definition names (through their aliases) and delivers its own logs.
 */
class ServiceRolesTest {
    private static final TestStack STACK = new TestStack(Template.get(), Map.of());
    private static final String MACHINE = "arn:aws:states:us-east-1:123456789012:stateMachine:bench-benchmark";

    @Test
    void theSchedule_startsThisStateMachine_only() {
        PolicyEvaluator role = RolePolicies.permissions(STACK, "NightlyRunRole");

        assertThat(role.allows(Request.of("states:StartExecution", MACHINE))).isTrue();
        assertThat(role.allows(Request.of("states:StartExecution", "arn:aws:states:us-east-1:123456789012:stateMachine:other")))
                .isFalse();
        assertThat(role.allows(Request.of("states:StopExecution", MACHINE))).isFalse();
        assertThat(role.allows(Request.of("lambda:InvokeFunction", "*"))).isFalse();
        assertThat(RolePolicies.allowedActions(STACK, "NightlyRunRole")).containsExactly("states:StartExecution");
        assertThat(RolePolicies.trust(STACK, "NightlyRunRole").allows(Request.of("sts:AssumeRole", "r")
                .by("Service", "events.amazonaws.com"))).isTrue();
        assertThat(RolePolicies.trust(STACK, "NightlyRunRole").allows(Request.of("sts:AssumeRole", "r")
                .by("Service", "lambda.amazonaws.com"))).isFalse();
    }

    @Test
    void theStateMachine_invokesTheAliasOfEveryTaskItsDefinitionNames() {
        PolicyEvaluator role = RolePolicies.permissions(STACK, "BenchmarkStateMachine");
        List<String> refused = new ArrayList<>();
        STACK.resource("BenchmarkStateMachine").path("Properties").path("DefinitionSubstitutions").forEach(arn -> {
            if (!role.allows(Request.of("lambda:InvokeFunction", arn.asText()))) {
                refused.add(arn.asText());
            }
        });

        assertThat(STACK.resource("BenchmarkStateMachine").path("Properties").path("DefinitionSubstitutions")).isNotEmpty();
        assertThat(refused).isEmpty();
    }

    @Test
    void theStateMachine_invokesNoOtherFunction_andNothingOutsideItsTasks() {
        PolicyEvaluator role = RolePolicies.permissions(STACK, "BenchmarkStateMachine");
        String function = "arn:aws:lambda:us-east-1:123456789012:function:";

        assertThat(role.allows(Request.of("lambda:InvokeFunction", function + "payments-api"))).isFalse();
        assertThat(role.allows(Request.of("lambda:InvokeFunction", function + "bench-SweepFunction-1A2B3C4D5E6F:live")))
                .as("the sweeper is the schedule's, not a task").isFalse();
        assertThat(role.allows(Request.of("lambda:InvokeFunction",
                "arn:aws:lambda:us-west-2:123456789012:function:bench-PlanRunFunction-1A2B3C4D5E6F"))).isFalse();
        for (String action : List.of("lambda:UpdateFunctionCode", "ec2:RunInstances", "s3:GetObject", "iam:PassRole",
                "states:StartExecution", "ssm:SendCommand")) {
            assertThat(role.allows(Request.of(action, "*"))).as(action).isFalse();
        }
    }

    @Test
    void theStateMachine_startsAndStopsOnlyItsOwnChildExecutions_forTheDistributedMap() {
        PolicyEvaluator role = RolePolicies.permissions(STACK, "BenchmarkStateMachine");
        String children = "arn:aws:states:us-east-1:123456789012:execution:bench-benchmark/";

        assertThat(role.allows(Request.of("states:StartExecution", MACHINE))).isTrue();
        assertThat(role.allows(Request.of("states:StartExecution",
                "arn:aws:states:us-east-1:123456789012:stateMachine:other"))).isFalse();
        assertThat(role.allows(Request.of("states:StopExecution", children + "Targets:child-1"))).isTrue();
        assertThat(role.allows(Request.of("states:DescribeExecution", children + "Targets:child-1"))).isTrue();
        assertThat(role.allows(Request.of("states:StopExecution",
                "arn:aws:states:us-east-1:123456789012:execution:other/Targets:child-1"))).isFalse();
        assertThat(role.allows(Request.of("states:SendTaskSuccess", "*"))).as("callbacks are the functions'").isFalse();
    }

    @Test
    void theStateMachinesOtherGrants_areTheLogDeliveryActionsItsLoggingNeeds() {
        List<String> expected = new ArrayList<>(List.of("lambda:InvokeFunction", "logs:CreateLogDelivery",
                "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
                // The Distributed Map's child executions.
                "states:StartExecution", "states:DescribeExecution", "states:StopExecution"));

        assertThat(RolePolicies.allowedActions(STACK, "BenchmarkStateMachine")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
