package dev.cloudbench.core.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.PooledComparison;
import dev.cloudbench.core.results.TargetResult;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import dev.cloudbench.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReplicaAnalysisTest {
    private static final List<String> VARIANTS = List.of("base", "cand");

    /**
     * One replica: per round, the baseline at the instance's level with round noise, the candidate
     * {@code change} (log) above the same round's baseline with its own noise. Rounds share the
     * instance's state, as interleaved rounds do.
     */
    private static TargetResult replica(String of, int k, SplittableRandom rng, double level, double change,
                                        int rounds, double noise) {
        double[] base = new double[rounds];
        double[] cand = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double round = level + 0.05 * gaussian(rng);
            base[r] = Math.exp(round + noise * gaussian(rng));
            cand[r] = Math.exp(round + change + noise * gaussian(rng));
        }
        return Fixtures.replica(of, k, Fixtures.variant("parse", "base", base), Fixtures.variant("parse", "cand", cand));
    }

    @Test
    void pooled_findsAChangeEveryReplicaSees_overInstancesOfVeryDifferentSpeed() {
        // The three instances differ by 30 % in speed; the candidate is 4 % slower on each.
        SplittableRandom rng = new SplittableRandom(3);
        List<TargetResult> targets = List.of(replica("arm", 1, rng, 0, Math.log(1.04), 10, 0.01),
                replica("arm", 2, rng, Math.log(1.3), Math.log(1.04), 10, 0.01),
                replica("arm", 3, rng, Math.log(0.9), Math.log(1.04), 10, 0.01),
                Fixtures.target("x86", "x86_64", "c7i.large", "spot", null,
                        Fixtures.variant("parse", "base", new double[] {1, 1, 1, 1, 1}),
                        Fixtures.variant("parse", "cand", new double[] {1, 1, 1, 1, 1})));

        List<PooledComparison> pooled = ReplicaAnalysis.pooled(targets, VARIANTS, PairedRules.DEFAULT,
                Bootstrap.standard());

        assertThat(pooled).singleElement().satisfies(p -> {
            assertThat(p.target()).isEqualTo("arm");
            assertThat(p.instances()).containsExactly("arm-r1", "arm-r2", "arm-r3");
            VariantComparison c = p.comparison();
            assertThat(c.benchmark()).isEqualTo("parse");
            assertThat(c.variant()).isEqualTo("cand");
            assertThat(c.baseline()).isEqualTo("base");
            assertThat(c.rounds()).isEqualTo(30);
            assertThat(c.ratio()).isBetween(1.03, 1.05);
            assertThat(c.interval().low()).isGreaterThan(1);
            assertThat(c.verdict()).as(c.reason()).isEqualTo("slower");
        });
    }

    @Test
    void pooled_leavesOutAReplicaTheCanaryLeftOutAsANoisyHost() {
        SplittableRandom rng = new SplittableRandom(5);
        TargetResult noisy = replica("arm", 2, rng, 0, 0.05, 10, 0.01);
        Canary leftOut = Canary.of(null, null, null).leavingOut(true);
        Canary drifted = new Canary(List.of(), 3, true, "canary memory part drifted +20.0 %", true, null);
        List<TargetResult> targets = List.of(replica("arm", 1, rng, 0, 0.05, 10, 0.01),
                noisy.withEnvironment(noisy.environment().withCanary(drifted)), replica("arm", 3, rng, 0, 0.05, 10, 0.01));

        assertThat(leftOut.leftOut()).as("a canary that is not noisy is never left out").isFalse();
        assertThat(ReplicaAnalysis.pooled(targets, VARIANTS, PairedRules.DEFAULT, Bootstrap.standard())).singleElement()
                .satisfies(p -> assertThat(p.instances()).containsExactly("arm-r1", "arm-r3"));
    }

    @Test
    void pooled_leavesOutAReplicaWithTooFewRounds_andNeedsTwoReplicas() {
        SplittableRandom rng = new SplittableRandom(4);
        TargetResult full = replica("arm", 1, rng, 0, 0.05, 10, 0.01);
        TargetResult early = replica("arm", 2, rng, 0, 0.05, 3, 0.01);
        TargetResult other = replica("arm", 3, rng, 0, 0.05, 10, 0.01);

        assertThat(ReplicaAnalysis.pooled(List.of(full, early, other), VARIANTS, PairedRules.DEFAULT,
                Bootstrap.standard())).singleElement()
                .satisfies(p -> assertThat(p.instances()).containsExactly("arm-r1", "arm-r3"));
        assertThat(ReplicaAnalysis.pooled(List.of(full, early), VARIANTS, PairedRules.DEFAULT, Bootstrap.standard()))
                .isEmpty();
        assertThat(ReplicaAnalysis.pooled(List.of(full, other), List.of("base"), PairedRules.DEFAULT,
                Bootstrap.standard())).isEmpty();
    }

    @Test
    void pooled_ofIdenticalVariants_callsAChange_inAtMostAlphaOfRuns_howeverTheInstancesDiffer() {
        // A/A on 3 replicas × 10 rounds, instances 10 % apart in speed: a false positive is any
        // verdict other than "no significant change" or "unstable".
        int runs = 300;
        int falsePositives = 0;
        for (int d = 0; d < runs; d++) {
            SplittableRandom rng = new SplittableRandom(10_000 + d);
            List<TargetResult> targets = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                targets.add(replica("arm", k, rng, 0.1 * gaussian(rng), 0, 10, 0.02));
            }
            String verdict = ReplicaAnalysis.pooled(targets, VARIANTS, PairedRules.DEFAULT,
                    new Bootstrap(() -> new SplittableRandom(7), 400, 0.95)).get(0).comparison().verdict();
            falsePositives += verdict.equals("slower") || verdict.equals("faster") ? 1 : 0;
        }
        System.out.printf("pooled A/A over 3 replicas: %d false positives in %d runs%n", falsePositives, runs);
        // α = 5 %; 300 runs at 5 % would give up to 24 within two standard errors.
        assertThat(falsePositives).isLessThanOrEqualTo(24);
    }

    @Test
    void level_isTheSmallestLevelTheReplicasOwnLastLooksTestedAt() {
        TargetResult a = Fixtures.replica("arm", 1).with(List.of(), null, List.of(comparison(0.02)));
        TargetResult b = Fixtures.replica("arm", 2).with(List.of(), null, List.of(comparison(0.05)));
        assertThat(ReplicaAnalysis.level(List.of(a, b), PairedRules.DEFAULT)).isEqualTo(0.02);
        assertThat(ReplicaAnalysis.level(List.of(Fixtures.replica("arm", 3)), PairedRules.DEFAULT)).isEqualTo(0.05);
    }

    private static VariantComparison comparison(double level) {
        return new VariantComparison("parse", null, "cand", "base", 10, 1, null, 1, 1, level, 0, "no-significant-change",
                "", true);
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
