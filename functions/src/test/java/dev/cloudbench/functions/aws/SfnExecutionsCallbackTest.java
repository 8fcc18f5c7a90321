package dev.cloudbench.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SendTaskSuccess through the real SDK against a Step Functions JSON 1.0 stand-in. */
class SfnExecutionsCallbackTest {
    private static final String MACHINE = "arn:aws:states:eu-west-1:123456789012:stateMachine:cb-test-benchmark";

    @Test
    void sendTaskSuccess_sendsTheTokenAndOutput() {
        try (JsonStandIn sfn = JsonStandIn.json10()) {
            sfn.on("SendTaskSuccess", r -> sfn.okHere("{}"));
            SfnExecutions executions = new SfnExecutions(TestAws.clients(sfn.server().endpoint()).sfn(), MACHINE);

            assertThat(executions.sendTaskSuccess("token-1", "{}")).isTrue();

            assertThat(sfn.calls("SendTaskSuccess")).singleElement().satisfies(r -> {
                assertThat(r.path("taskToken").asText()).isEqualTo("token-1");
                assertThat(r.path("output").asText()).isEqualTo("{}");
            });
        }
    }

    @Test
    void sendTaskSuccess_toATaskThatEnded_isNoError() {
        try (JsonStandIn sfn = JsonStandIn.json10()) {
            SfnExecutions executions = new SfnExecutions(TestAws.clients(sfn.server().endpoint()).sfn(), MACHINE);
            for (String code : new String[] {"TaskTimedOut", "TaskDoesNotExist", "InvalidToken"}) {
                sfn.on("SendTaskSuccess", r -> sfn.errorHere(code, "no task waits with this token"));
                assertThat(executions.sendTaskSuccess("token-1", "{}")).as(code).isFalse();
            }
        }
    }
}
