package dev.cloudbench.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetChoiceTest {
    private static final Map<Architecture, String> DEFAULTS =
            Map.of(Architecture.X86_64, "c7i.large", Architecture.ARM64, "c7g.large");

    @Test
    void aPlainType_isForTheOneArchitectureChosen() {
        TargetChoice arm = TargetChoice.of("arm64", "on-demand", List.of("c8g.large"), false);

        assertThat(arm.needsDefaults()).isFalse();
        assertThat(arm.targets(DEFAULTS)).containsExactly(new Target(null, "arm64", "c8g.large", "on-demand", null));
    }

    @Test
    void problems_nameTheOption() {
        assertThatThrownBy(() -> TargetChoice.of("x86_64", "cheap", List.of(), false))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("--market: unknown market 'cheap'");
        assertThatThrownBy(() -> TargetChoice.of("x86_64", "spot", List.of("arm64=c7g.large"), false))
                .hasMessage("--instance-type arm64=c7g.large: arm64 is not in --arch x86_64");
        assertThatThrownBy(() -> TargetChoice.of("x86_64", "spot", List.of("big; rm -rf /"), false))
                .hasMessageContaining("is not an instance type");
        assertThatThrownBy(() -> TargetChoice.of("both", "spot", List.of(), false).targets(Map.of()))
                .hasMessageContaining("the stack has no default x86_64 instance type");
    }
}
