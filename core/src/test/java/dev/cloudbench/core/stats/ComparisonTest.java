package dev.cloudbench.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cloudbench.core.testing.Samples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static final Bootstrap BOOTSTRAP = Bootstrap.standard();
    private static final VerdictRules RULES = VerdictRules.DEFAULT;

    @Test
    void verdict_isSlower_whenTheWholeIntervalIsAboveOne() {
        Comparison c = Comparison.of(Samples.normal(1, 30, 1.20, 0.02), Samples.normal(2, 30, 1.0, 0.02), BOOTSTRAP, RULES);

        assertThat(c.verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(c.changePercent()).isCloseTo(20, within(2.0));
        assertThat(c.interval().low()).isGreaterThan(1);
    }

    @Test
    void verdict_isFaster_whenTheWholeIntervalIsBelowOne() {
        Comparison c = Comparison.of(Samples.normal(1, 30, 0.80, 0.02), Samples.normal(2, 30, 1.0, 0.02), BOOTSTRAP, RULES);

        assertThat(c.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(c.interval().high()).isLessThan(1);
    }

    @Test
    void verdict_isNoSignificantChange_whenTheIntervalIncludesOneNarrowly() {
        Comparison c = Comparison.of(Samples.normal(1, 30, 1.0, 0.02), Samples.normal(2, 30, 1.0, 0.02), BOOTSTRAP, RULES);

        assertThat(c.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(c.interval().contains(1)).isTrue();
    }

    @Test
    void verdict_isNoSignificantChange_whenASignificantChangeIsBelowTheNoiseThreshold() {
        double[] baseline = Samples.normal(2, 200, 1.0, 0.0005);
        double[] current = Arrays.stream(baseline).map(t -> t * 1.005).toArray();

        Comparison c = Comparison.of(current, baseline, BOOTSTRAP, RULES);

        assertThat(c.interval().low()).isGreaterThan(1);
        assertThat(c.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(c.reason()).contains("noise threshold");
    }

    @Test
    void verdict_isUnstable_whenTheIntervalIncludesOneButReachesBeyondTheResolution() {
        Comparison c = Comparison.of(Samples.normal(1, 10, 1.0, 0.4), Samples.normal(2, 10, 1.0, 0.4), BOOTSTRAP, RULES);

        assertThat(c.interval().contains(1)).isTrue();
        assertThat(c.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(c.reason()).contains("too noisy");
    }

    @Test
    void verdict_isUnstable_withFewerRunsThanTheRulesNeed_evenForAClearChange() {
        Comparison c = Comparison.of(new double[] {2.0, 2.01, 2.02}, new double[] {1.0, 1.01, 1.02}, BOOTSTRAP, RULES);

        assertThat(c.verdict()).isEqualTo(Verdict.UNSTABLE);
        assertThat(c.reason()).contains("too few runs");
        assertThat(c.ratio()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void verdicts_areOrdered_regressionsFirst_andNotJudgedLast() {
        assertThat(Verdict.values()).containsExactly(Verdict.SLOWER, Verdict.UNSTABLE, Verdict.FASTER,
                Verdict.NO_SIGNIFICANT_CHANGE, Verdict.NOT_JUDGED);
    }
}
