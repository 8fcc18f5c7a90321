package dev.cloudbench.core.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryTest {
    /** A canary pass as hyperfine exports it: five runs of each part around the given medians. */
    static HyperfineExport pass(double cpu, double memory) {
        return pass(cpu, memory, 0.01);
    }

    /** {@code spread}: each run is the median × (1 ± k·spread), k = 0, ±1, ±2. */
    static HyperfineExport pass(double cpu, double memory, double spread) {
        return new HyperfineExport(List.of(entry(Canary.CPU, cpu, spread), entry(Canary.MEMORY, memory, spread)));
    }

    private static HyperfineExport.Entry entry(String part, double median, double spread) {
        double[] times = {median, median * (1 - spread), median * (1 + spread), median * (1 - 2 * spread),
            median * (1 + 2 * spread)};
        return new HyperfineExport.Entry(part, times, Collections.nCopies(times.length, 0), null, null, Map.of());
    }

    @Test
    void aSteadyHost_isNoNoisyHost_andItsPartsAreMeasured() {
        Canary c = Canary.of(pass(0.025, 0.075), pass(0.0255, 0.076), null);

        assertThat(c.noisyHost()).isFalse();
        assertThat(c.missing()).isNull();
        assertThat(c.parts()).extracting(Canary.Part::part).containsExactly(Canary.CPU, Canary.MEMORY);
        Canary.Part cpu = c.part(Canary.CPU).orElseThrow();
        assertThat(cpu.before()).isEqualTo(0.025);
        assertThat(cpu.after()).isEqualTo(0.0255);
        assertThat(cpu.drift()).isCloseTo(0.02, within(1e-9));
        assertThat(cpu.cv()).isBetween(0.005, 0.03);
        assertThat(cpu.level()).isNull();
        assertThat(c.reason()).startsWith("canary within limits").contains("level against other instances not yet judged");
    }

    @Test
    void aPartThatDriftsMoreThanTwentyPercent_marksANoisyHost_sayingWhich() {
        Canary c = Canary.of(pass(0.025, 0.075), pass(0.025, 0.095), null);

        assertThat(c.noisyHost()).isTrue();
        assertThat(c.reason()).isEqualTo("canary memory part drifted +26.7 % from before to after the suite (limit ±20 %)");
        // 15 % is within what a quiet 2-core VM showed between two passes (up to 22.6 %, one in 20 over 20 %).
        assertThat(Canary.of(pass(0.025, 0.075), pass(0.025, 0.086), null).noisyHost()).isFalse();
    }

    @Test
    void runsThatVaryMoreThanTwentyPercent_markANoisyHost() {
        Canary c = Canary.of(pass(0.025, 0.075, 0.15), pass(0.025, 0.075), null);

        assertThat(c.noisyHost()).isTrue();
        assertThat(c.reason()).contains("canary cpu runs vary by", "(robust CV, limit 20 %)")
                .contains("canary memory runs vary by");
    }

    @Test
    void aMissingPass_isSaid_andTheOtherStillJudged() {
        Canary c = Canary.of(pass(0.025, 0.075), null, "the canary after the suite failed with exit code 124");

        assertThat(c.noisyHost()).isFalse();
        assertThat(c.part(Canary.CPU).orElseThrow().after()).isNull();
        assertThat(c.part(Canary.CPU).orElseThrow().drift()).isNull();
        assertThat(c.missing()).isEqualTo("no export after the suite; the canary after the suite failed with exit code 124");
        assertThat(c.reason()).doesNotContain("drift").endsWith(c.missing());
    }

    @Test
    void noCanaryAtAll_isNotJudged() {
        Canary c = Canary.none("no canary export");

        assertThat(c.noisyHost()).isFalse();
        assertThat(c.parts()).isEmpty();
        assertThat(c.reason()).isEqualTo("not judged: no canary export");
        assertThat(c.withPeers(List.of(Canary.of(pass(0.025, 0.075), pass(0.025, 0.075), null))).noisyHost()).isFalse();
    }

    @Test
    void oneInstanceThirtyPercentSlowAmongFour_isANoisyHost_theOthersAreNot() {
        Canary slow = Canary.of(pass(0.025, 0.0975), pass(0.025, 0.0975), null);
        List<Canary> others = List.of(Canary.of(pass(0.025, 0.075), pass(0.025, 0.075), null),
                Canary.of(pass(0.0252, 0.076), pass(0.0252, 0.076), null),
                Canary.of(pass(0.0249, 0.074), pass(0.0249, 0.074), null));

        Canary judged = slow.withPeers(others);

        assertThat(judged.noisyHost()).isTrue();
        assertThat(judged.peers()).isEqualTo(3);
        assertThat(judged.part(Canary.MEMORY).orElseThrow().level()).isCloseTo(1.3, within(1e-9));
        assertThat(judged.reason()).isEqualTo("canary memory part 30.0 % slower than the median of its 3 peers (limit ±15 %)");
        Canary first = others.get(0).withPeers(List.of(slow, others.get(1), others.get(2)));
        assertThat(first.noisyHost()).as(first.reason()).isFalse();
        assertThat(first.reason()).contains("level within ±15 % of its 3 peers");
    }

    @Test
    void withFewerThanThreePeers_theLevelIsShownButNotJudged() {
        Canary slow = Canary.of(pass(0.025, 0.0975), pass(0.025, 0.0975), null);

        Canary judged = slow.withPeers(List.of(Canary.of(pass(0.025, 0.075), pass(0.025, 0.075), null),
                Canary.of(pass(0.025, 0.075), pass(0.025, 0.075), null)));

        assertThat(judged.noisyHost()).isFalse();
        assertThat(judged.part(Canary.MEMORY).orElseThrow().level()).isCloseTo(1.3, within(1e-9));
        assertThat(judged.reason()).contains("level not judged: 2 peer(s) of the same architecture and instance type,"
                + " at least 3 needed");
    }

    @Test
    void leavingOut_onlyANoisyHost_andOnlyWhenAsked() {
        Canary noisy = Canary.of(pass(0.025, 0.075), pass(0.025, 0.095), null);
        Canary quiet = Canary.of(pass(0.025, 0.075), pass(0.025, 0.075), null);

        assertThat(noisy.leavingOut(true).leftOut()).isTrue();
        assertThat(noisy.leavingOut(false).leftOut()).isFalse();
        assertThat(quiet.leavingOut(true).leftOut()).isFalse();
    }
}
