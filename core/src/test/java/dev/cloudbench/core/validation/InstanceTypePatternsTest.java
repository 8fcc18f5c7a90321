package dev.cloudbench.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstanceTypePatternsTest {
    @Test
    void patterns_matchAsIamStringLike_starAnyRun_questionMarkOneCharacter_caseSensitive() {
        InstanceTypePatterns p = new InstanceTypePatterns(List.of("c7*.large", "m7?.xlarge", "r8g.2xlarge"));

        assertThat(p.allows("c7i.large")).isTrue();
        assertThat(p.allows("c7gd.large")).isTrue();
        assertThat(p.allows("c7i.xlarge")).isFalse();
        assertThat(p.allows("m7g.xlarge")).isTrue();
        assertThat(p.allows("m7gd.xlarge")).isFalse();
        assertThat(p.allows("r8g.2xlarge")).isTrue();
        assertThat(p.allows("r8g.12xlarge")).isFalse();
        assertThat(p.allows("C7I.LARGE")).isFalse();
        assertThat(new InstanceTypePatterns(List.of()).allows("c7i.large")).isFalse();
        assertThat(new InstanceTypePatterns(List.of("*")).allows("anything")).isTrue();
    }
}
