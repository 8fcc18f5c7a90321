package dev.cloudbench.core.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidatorTest {
    private static final String SUITE = "{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]}";

    private static String request(String targets, String extra) {
        return "{\"suite\":" + SUITE + ",\"targets\":" + targets + extra + "}";
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of(request("[]", ""), "request.targets: missing (a run needs at least one target)"),
                Arguments.of(request("[{\"architecture\":\"sparc\",\"instanceType\":\"c7i.large\"}]", ""),
                        "request.targets[0].architecture: unknown architecture 'sparc' (expected x86_64 or arm64)"),
                Arguments.of(request("[{\"instanceType\":\"c7i.large\"}]", ""), "request.targets[0].architecture: missing"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g large\"}]", ""),
                        "request.targets[0].instanceType: 'c7g large' is not an instance type (like c7g.large)"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"market\":\"cheap\"}]", ""),
                        "request.targets[0].market: unknown market 'cheap' (expected spot, on-demand, spot-or-on-demand)"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"threadsPerCore\":4}]", ""),
                        "request.targets[0].threadsPerCore: must be 1 or 2, was 4"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"replicas\":0}]", ""),
                        "request.targets[0].replicas: must be between 1 and 10, was 0"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"replicas\":11}]", ""),
                        "request.targets[0].replicas: must be between 1 and 10, was 11"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"replicas\":2.5}]", ""),
                        "request.targets[0].replicas: invalid value '2.5' (expected an integer)"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"replicas\":\"three\"}]", ""),
                        "request.targets[0].replicas: invalid value 'three' (expected an integer)"),
                Arguments.of(request("[{\"id\":\"" + "x".repeat(62) + "\",\"architecture\":\"arm64\","
                        + "\"instanceType\":\"c7g.large\",\"replicas\":2}]", ""),
                        "request.targets[0].id: '" + "x".repeat(62) + "' is too long for 2 replicas, named '"
                                + "x".repeat(62) + "-r1' and on (at most 64 characters)"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"zone\":\"a\"}]", ""),
                        "request.targets[0]: unknown field 'zone'"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\"}]",
                        ",\"limits\":{\"runTimeoutSeconds\":10}"),
                        "request.limits.runTimeoutSeconds: must be between 60 and 86400, was 10"),
                Arguments.of(request("[{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\"}]",
                        ",\"runId\":\"a/b\""), "request.runId: 'a/b' must be 1-64 letters, digits, '.', '_' or '-'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRequests")
    void validate_rejectsBadRequest_withMessageNamingTheField(String json, String message) {
        assertThatThrownBy(() -> RequestValidator.validate(InputReader.request(json)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }

    @Test
    void validate_acceptsBothArchitecturesAndAllMarkets() {
        String targets = "[{\"architecture\":\"x86_64\",\"instanceType\":\"c7i.large\",\"market\":\"spot\"},"
                + "{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"market\":\"on-demand\",\"threadsPerCore\":1},"
                + "{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\"}]";
        assertThatCode(() -> RequestValidator.validate(InputReader.request(request(targets, "")))).doesNotThrowAnyException();
    }

    @Test
    void validate_acceptsAHundredTargets_andRefusesMore() {
        String target = "{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"market\":\"spot\"}";
        String hundred = "[" + String.join(",", java.util.Collections.nCopies(100, target)) + "]";
        String more = "[" + String.join(",", java.util.Collections.nCopies(101, target)) + "]";

        assertThatCode(() -> RequestValidator.validate(InputReader.request(request(hundred, ""))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestValidator.validate(InputReader.request(request(more, ""))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at most 100");
    }

    @Test
    void validate_countsReplicasAsInstances_againstTheLimitOfAHundred() {
        String ten = "{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\",\"replicas\":10}";
        String one = "{\"architecture\":\"arm64\",\"instanceType\":\"c7g.large\"}";
        String hundred = "[" + String.join(",", java.util.Collections.nCopies(10, ten)) + "]";
        String more = "[" + String.join(",", java.util.Collections.nCopies(10, ten)) + "," + one + "]";

        assertThatCode(() -> RequestValidator.validate(InputReader.request(request(hundred, ""))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> RequestValidator.validate(InputReader.request(request(more, ""))))
                .isInstanceOf(BadInputException.class)
                .hasMessage("request.targets: 11 targets with their replicas are 101 instances, at most 100 allowed");
    }
}
