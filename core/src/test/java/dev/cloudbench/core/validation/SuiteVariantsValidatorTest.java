package dev.cloudbench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Suite;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuiteVariantsValidatorTest {
    private static final String REPO = "\"repository\":{\"url\":\"https://github.com/a/b\",\"ref\":\"main\"},";

    private static String suite(String head, String variants, String rounds) {
        return "{\"name\":\"s\"," + head + "\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}],\"variants\":" + variants
                + (rounds == null ? "" : ",\"rounds\":" + rounds) + "}";
    }

    private static final String TWO = "[{\"name\":\"base\"},{\"name\":\"cand\",\"env\":{\"MODE\":\"fast\"}}]";

    static Stream<Arguments> badSuites() {
        return Stream.of(
                Arguments.of(suite("", "[{\"name\":\"only\"}]", null), "suite.variants: at least two variants to compare, or none"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"a\"}]", null),
                        "suite.variants[1].name: duplicate variant name 'a'"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b c\"}]", null),
                        "suite.variants[1].name: 'b c' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{}]", null), "suite.variants[1].name: missing"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"ref\":\"v2\"}]", null),
                        "suite.variants[1].ref: needs suite.repository (a ref names a commit of the suite's repository)"),
                Arguments.of(suite(REPO, "[{\"name\":\"a\"},{\"name\":\"b\",\"ref\":\"main; curl x | sh\"}]", null),
                        "suite.variants[1].ref: must be a plain ref name (letters, digits, '.', '_', '-', '+', '/' only)"),
                Arguments.of(suite(REPO, "[{\"name\":\"a\",\"ref\":\"--upload-pack=x\"},{\"name\":\"b\"}]", null),
                        "suite.variants[0].ref: must not start with '-'"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"env\":{\"1X\":\"v\"}}]", null),
                        "suite.variants[1].env.1X: environment variable names are letters, digits and '_', not starting with a digit"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"env\":{\"A;B\":\"v\"}}]", null),
                        "suite.variants[1].env.A;B: environment variable names are letters, digits and '_', not starting with a digit"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"env\":{\"CB_WORK\":\"/tmp\"}}]", null),
                        "suite.variants[1].env.CB_WORK: names starting with 'CB_' are reserved for cloudbench's script"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"env\":{\"X\":\"one\\ntwo\"}}]", null),
                        "suite.variants[1].env.X: values must be a single line"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"env\":{\"X\":null}}]", null),
                        "suite.variants[1].env.X: missing value (use \"\" for an empty one)"),
                Arguments.of(suite("", "[{\"name\":\"a\"},{\"name\":\"b\",\"colour\":\"red\"}]", null),
                        "suite.variants[1]: unknown field 'colour'"),
                Arguments.of(suite("", TWO, "{\"min\":4}"),
                        "suite.rounds.min: must be at least 5 (fewer rounds cannot show a change), was 4"),
                Arguments.of(suite("", TWO, "{\"min\":20,\"max\":10}"), "suite.rounds.max: must be at least min (20), was 10"),
                Arguments.of(suite("", TWO, "{\"max\":501}"), "suite.rounds.max: must be at most 500, was 501"),
                Arguments.of(suite("", TWO, "{\"order\":\"sorted\"}"),
                        "suite.rounds.order: 'sorted' must be 'random' or 'alternate'"),
                Arguments.of(suite("", TWO, "{\"maxSeconds\":0}"), "suite.rounds.maxSeconds: must be between 1 and 172800, was 0"),
                Arguments.of(suite("", TWO, "{\"minEffectPercent\":0}"),
                        "suite.rounds.minEffectPercent: must be above 0 and at most 50.0, was 0.0"),
                Arguments.of("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}],\"rounds\":{\"min\":10}}",
                        "suite.rounds: only a suite with variants is measured in rounds"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSuites")
    void validate_rejectsBadVariants_withOneLineNamingTheField(String json, String message) {
        assertThatThrownBy(() -> SuiteValidator.validate(InputReader.suiteJson(json)))
                .isInstanceOf(BadInputException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void validate_acceptsVariants_withRefsEnvAndABudget() {
        Suite suite = SuiteValidator.validate(InputReader.suiteJson(suite(REPO,
                "[{\"name\":\"baseline\",\"ref\":\"main\"},{\"name\":\"candidate\",\"ref\":\"feature/x\","
                        + "\"env\":{\"RUST_LOG\":\"warn\",\"_x1\":\"a b 'c' $HOME\",\"EMPTY\":\"\"}}]",
                "{\"min\":20,\"max\":60,\"maxSeconds\":900,\"order\":\"alternate\",\"minEffectPercent\":2}")));

        assertThat(suite.hasVariants()).isTrue();
        assertThat(suite.baselineVariant().name()).isEqualTo("baseline");
        assertThat(suite.effectiveRounds().effectiveMin()).isEqualTo(20);
        assertThat(suite.effectiveRounds().effectiveMax()).isEqualTo(60);
        assertThat(suite.effectiveRounds().minEffect()).isEqualTo(0.02);
        assertThat(suite.variants().get(1).env()).containsKeys("RUST_LOG", "_x1", "EMPTY");
    }

    @Test
    void aSuiteWithVariants_countsWarmupAndRunsPerRound_withShortDefaults() {
        Suite suite = SuiteValidator.validate(InputReader.suiteJson(suite("", TWO, null)));

        assertThat(suite.effectiveWarmup()).isEqualTo(Suite.DEFAULT_ROUND_WARMUP);
        assertThat(suite.effectiveRuns()).isEqualTo(Suite.DEFAULT_ROUND_RUNS);
        assertThat(suite.effectiveRounds().effectiveMin()).isEqualTo(10);
        assertThat(suite.effectiveRounds().effectiveMax()).isEqualTo(30);
        assertThat(suite.effectiveRounds().effectiveOrder()).isEqualTo("random");
    }

    @Test
    void aSuiteWithoutVariants_keepsItsDefaults() {
        Suite suite = SuiteValidator.validate(InputReader.suiteJson(
                "{\"name\":\"s\",\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]}"));

        assertThat(suite.hasVariants()).isFalse();
        assertThat(suite.effectiveWarmup()).isEqualTo(Suite.DEFAULT_WARMUP);
        assertThat(suite.effectiveRuns()).isEqualTo(Suite.DEFAULT_RUNS);
    }
}
