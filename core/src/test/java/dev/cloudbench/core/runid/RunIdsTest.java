package dev.cloudbench.core.runid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.validation.Names;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunIdsTest {
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
    private final RunIds ids = new RunIds(() -> "k3x9");

    @Test
    void generate_joinsSuiteTimeInUtcAndSuffix() {
        assertThat(ids.generate("quickstart", NOON)).isEqualTo("quickstart-20260101T120000Z-k3x9");
    }

    @Test
    void generate_shortensALongSuiteName_toASafeName() {
        String suite = "s".repeat(64);

        String id = ids.generate(suite, NOON);

        assertThat(id).isEqualTo("s".repeat(42) + "-20260101T120000Z-k3x9").hasSize(64);
        assertThat(Names.isSafe(id)).isTrue();
    }

    @Test
    void randomSuffix_isFourLowerCaseLettersOrDigits() {
        assertThat(RunIdSuffix.random()).matches("[a-z0-9]{4}");
    }
}
