package dev.cloudbench.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.model.Architecture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalCapacityTest {
    @Test
    void everyTypeIsThisHost_ofItsArchitecture_inTheLocalZone_withoutQuota() {
        LocalCapacity host = new LocalCapacity(Architecture.ARM64, 8);

        assertThat(host.instanceTypes(Set.of("local"))).hasEntrySatisfying("local", f -> {
            assertThat(f.architectures()).containsExactly("arm64");
            assertThat(f.vcpus()).isEqualTo(8);
            assertThat(f.zones()).isEqualTo(host.zones()).containsExactly("local");
            assertThat(f.markets()).contains("spot", "on-demand");
            assertThat(f.standard()).isFalse();
        });
        assertThat(host.allowedInstanceTypes()).containsExactly("*");
        assertThat(host.vcpuQuotas()).isEmpty();
    }

    @Test
    void theDefault_isTheMachineThisRunsOn() {
        assertThat(new LocalCapacity().instanceTypes(Set.of("x")).get("x").architectures())
                .isEqualTo(List.of(Architecture.ofHost().id()));
    }
}
