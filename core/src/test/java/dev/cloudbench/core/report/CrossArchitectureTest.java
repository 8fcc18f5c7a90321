package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.stats.Verdict;
import dev.cloudbench.core.testing.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossArchitectureTest {
    @Test
    void armAgainstX86_isTheRatioOfMedians_withAnIntervalAroundIt() {
        List<CrossArchitecture> rows = CrossArchitecture.of(Scenarios.analysis());
        CrossArchitecture sort = rows.stream().filter(r -> r.key().equals("sort") && r.arm().id().equals("arm"))
                .findFirst().orElseThrow();

        double expected = sort.arm().benchmark("sort").orElseThrow().stats().median()
                / sort.x86().benchmark("sort").orElseThrow().stats().median();
        assertThat(sort.comparison().ratio()).isEqualTo(expected);
        assertThat(sort.comparison().interval().contains(expected)).isTrue();
        assertThat(sort.comparison().verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(sort.pair()).isEqualTo("arm ÷ x86");
    }

    @Test
    void oneArchitecture_hasNoCrossArchitectureRows() {
        assertThat(CrossArchitecture.of(Scenarios.local())).isEmpty();
        assertThat(CrossArchitecture.of(ReportFixtures.abQuickstart())).isEmpty();
    }

    @Test
    void unameAndDebianSpellings_countAsTheSameArchitecture() {
        assertThat(CrossArchitecture.normalized("aarch64")).isEqualTo(CrossArchitecture.ARM64);
        assertThat(CrossArchitecture.normalized("amd64")).isEqualTo(CrossArchitecture.X86_64);
    }
}
