package dev.cloudbench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.model.Suite;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteValidatorTest {
    private static final String OK_BENCH = "{\"name\":\"a\",\"command\":\"true\"}";

    static Stream<Arguments> badSuites() {
        return Stream.of(
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[" + OK_BENCH + "],\"colour\":1}", "suite: unknown field 'colour'"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"comand\":\"x\"}]}",
                        "suite.benchmarks[0]: unknown field 'comand'"),
                Arguments.of("{\"name\":\"s\"}", "suite.benchmarks: missing (a suite needs at least one benchmark)"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[]}", "suite.benchmarks: empty (a suite needs at least one benchmark)"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[" + OK_BENCH + "," + OK_BENCH + "]}",
                        "suite.benchmarks[1].name: duplicate benchmark name 'a'"),
                Arguments.of("{\"name\":\"s\",\"runs\":1,\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.runs: must be at least 2 (a spread needs two runs), was 1"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"x\",\"runs\":0}]}",
                        "suite.benchmarks[0].runs: must be at least 2 (a spread needs two runs), was 0"),
                Arguments.of("{\"name\":\"s\",\"warmup\":-1,\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.warmup: must be 0 or more, was -1"),
                Arguments.of("{\"name\":\"s\",\"timeoutSeconds\":0,\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.timeoutSeconds: must be between 1 and 172800, was 0"),
                Arguments.of("{\"name\":\"s\",\"timeoutSeconds\":172801,\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.timeoutSeconds: must be between 1 and 172800, was 172801"),
                Arguments.of("{\"name\":\"s\",\"runs\":\"ten\",\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.runs: invalid value 'ten' (expected an integer)"),
                Arguments.of("{\"benchmarks\":[" + OK_BENCH + "]}", "suite.name: missing"),
                Arguments.of("{\"name\":\"../etc\",\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.name: '../etc' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a b\",\"command\":\"x\"}]}",
                        "suite.benchmarks[0].name: 'a b' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\"}]}", "suite.benchmarks[0].command: missing"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"x\\ny\"}]}",
                        "suite.benchmarks[0].command: must be a single line (hyperfine runs it as one command)"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"x\",\"parameters\":{\"n\":[]}}]}",
                        "suite.benchmarks[0].parameters.n: needs at least one value"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"x\",\"parameters\":{\"n\":[\"1,2\"]}}]}",
                        "suite.benchmarks[0].parameters.n: values must be non-empty, without ',' or line breaks"),
                Arguments.of("{\"name\":\"s\",\"setup\":[\" \"],\"benchmarks\":[" + OK_BENCH + "]}", "suite.setup[0]: empty command"),
                Arguments.of(repo("http://github.com/a/b", null), "suite.repository.url: must be a plain https:// URL"),
                Arguments.of(repo("https://github.com/a/b;rm -rf ~", null),
                        "suite.repository.url: must be a plain https URL (host and path only: no credentials, query,"
                                + " whitespace, quotes or shell characters)"),
                Arguments.of(repo("https://github.com/a/b", "main; curl x | sh"),
                        "suite.repository.ref: must be a plain ref name (letters, digits, '.', '_', '-', '+', '/' only)"),
                Arguments.of(repo("https://github.com/a/b", "--upload-pack=evil"), "suite.repository.ref: must not start with '-'"),
                Arguments.of(repo("https://github.com/a/b", "a/../../b"), "suite.repository.ref: must not contain '..'"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":{\"a\":1}}", "suite.benchmarks: expected a list"),
                Arguments.of("{\"name\":\"s\",\"metrics\":[\"wall-time\",\"cycles\"],\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.metrics[1]: unknown metric 'cycles' (known: wall-time, instructions)"),
                Arguments.of("{\"name\":\"s\",\"metrics\":[\"wall-time\",\"wall-time\"],\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.metrics[1]: 'wall-time' named twice"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"x\",\"metrics\":[\"instructions\"]}]}",
                        "suite.benchmarks[0].metrics: must include 'wall-time' (hyperfine's timed runs always run;"
                                + " other metrics are counted beside them)"),
                Arguments.of("{\"name\":\"s\",\"canary\":\"yes\",\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.canary: must be true, false or an object like {\"excludeNoisy\": false}, was \"yes\""),
                Arguments.of("{\"name\":\"s\",\"canary\":0,\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.canary: must be true, false or an object like {\"excludeNoisy\": false}, was 0"),
                Arguments.of("{\"name\":\"s\",\"canary\":{\"excludeNoisy\":\"no\"},\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.canary: excludeNoisy must be true or false, was \"no\""),
                Arguments.of("{\"name\":\"s\",\"canary\":{\"exclude\":false},\"benchmarks\":[" + OK_BENCH + "]}",
                        "suite.canary: unknown field 'exclude' (known: enabled, excludeNoisy)"),
                Arguments.of("{\"name\":\"s\",\"canary\":{\"enabled\":false,\"excludeNoisy\":false},\"benchmarks\":["
                                + OK_BENCH + "]}",
                        "suite.canary.excludeNoisy: only means something with the canary on; drop it, or drop"
                                + " \"enabled\": false"));
    }

    private static String repo(String url, String ref) {
        return "{\"name\":\"s\",\"repository\":{\"url\":\"" + url + "\"" + (ref == null ? "" : ",\"ref\":\"" + ref + "\"")
                + "},\"benchmarks\":[" + OK_BENCH + "]}";
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSuites")
    void validate_rejectsBadSuite_withOneLineNamingTheField(String json, String message) {
        assertThatThrownBy(() -> SuiteValidator.validate(InputReader.suiteJson(json)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    static Stream<String> goodSuites() {
        return Stream.of(
                "{\"name\":\"s\",\"benchmarks\":[" + OK_BENCH + "]}",
                "{\"name\":\"s.v2_x-1\",\"description\":\"d\",\"warmup\":0,\"runs\":2,\"timeoutSeconds\":172800,"
                        + "\"setup\":[\"make\"],\"benchmarks\":[{\"name\":\"a\",\"command\":\"sleep {t}\","
                        + "\"parameters\":{\"t\":[\"0.1\",\"0.2\"]},\"warmup\":1,\"runs\":3,\"timeoutSeconds\":5}]}",
                repo("https://github.com/evmts/guillotine", "main"),
                repo("https://github.com/evmts/guillotine.git", "v1.2.3"),
                repo("https://git.example.com:8443/team/repo", "feature/fast-path"),
                repo("https://github.com/a/b", "0123456789abcdef0123456789abcdef01234567"),
                "{\"name\":\"s\",\"metrics\":[\"wall-time\",\"instructions\"],\"benchmarks\":[" + OK_BENCH
                        + ",{\"name\":\"b\",\"command\":\"true\",\"metrics\":[\"wall-time\"]}]}");
    }

    @Test
    void canary_isOnByDefault_offWithFalse_andKeepsNoisyHostsOnlyWhenAsked() {
        Suite plain = SuiteValidator.validate(InputReader.suiteJson("{\"name\":\"s\",\"benchmarks\":[" + OK_BENCH + "]}"));
        Suite off = SuiteValidator.validate(InputReader.suiteJson("{\"name\":\"s\",\"canary\":false,\"benchmarks\":["
                + OK_BENCH + "]}"));
        Suite keep = SuiteValidator.validate(InputReader.suiteJson("{\"name\":\"s\",\"canary\":{\"excludeNoisy\":false},"
                + "\"benchmarks\":[" + OK_BENCH + "]}"));
        Suite on = SuiteValidator.validate(InputReader.suiteJson("{\"name\":\"s\",\"canary\":true,\"benchmarks\":["
                + OK_BENCH + "]}"));

        assertThat(plain.effectiveCanary().on()).isTrue();
        assertThat(plain.effectiveCanary().excludesNoisy()).isTrue();
        assertThat(on.effectiveCanary().excludesNoisy()).isTrue();
        assertThat(off.effectiveCanary().on()).isFalse();
        assertThat(off.effectiveCanary().excludesNoisy()).isFalse();
        assertThat(keep.effectiveCanary().on()).isTrue();
        assertThat(keep.effectiveCanary().excludesNoisy()).isFalse();
    }

    @Test
    void canary_readsBackFromARunRequest_asItWasWritten() {
        for (String canary : List.of("false", "{\"excludeNoisy\":false}", "true")) {
            Suite suite = InputReader.suiteJson("{\"name\":\"s\",\"canary\":" + canary + ",\"benchmarks\":["
                    + OK_BENCH + "]}");
            Suite again = Json.read(Json.write(suite).getBytes(StandardCharsets.UTF_8), Suite.class);
            assertThat(again.canary()).isEqualTo(suite.canary());
        }
        Suite absent = InputReader.suiteJson("{\"name\":\"s\",\"benchmarks\":[" + OK_BENCH + "]}");
        assertThat(Json.write(absent)).doesNotContain("canary");
    }

    @ParameterizedTest
    @MethodSource("goodSuites")
    void validate_acceptsGoodSuite(String json) {
        Suite suite = SuiteValidator.validate(InputReader.suiteJson(json));
        assertThat(suite.benchmarks()).isNotEmpty();
    }
}
