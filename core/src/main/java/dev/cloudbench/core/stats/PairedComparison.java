package dev.cloudbench.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A paired comparison's verdict at one look at the rounds.
 *
 * @param estimate       what the rounds say
 * @param adjustedPValue the p-value after Holm's correction over the target's comparisons
 * @param level          the level this look tests at (α spent on this look, see {@link AlphaSpending})
 * @param verdict        the verdict
 * @param reason         one line on why, for people
 * @param settled        true when more rounds would not change the kind of answer: a significant change
 *                       of at least the minimum effect, an interval within ± the minimum effect, or
 *                       rounds too noisy to ever agree. An unsettled comparison asks for more rounds.
 */
public record PairedComparison(PairedEstimate estimate, double adjustedPValue, double level, Verdict verdict,
                               String reason, boolean settled) {

    /**
     * Verdicts for a family of comparisons looked at together (one target's): Holm's correction over
     * the family at {@code level}.
     */
    public static List<PairedComparison> decide(List<PairedEstimate> family, double level, PairedRules rules) {
        double[] p = family.stream().mapToDouble(PairedEstimate::pValue).toArray();
        double[] adjusted = Holm.adjust(p);
        List<PairedComparison> out = new ArrayList<>(family.size());
        for (int i = 0; i < family.size(); i++) {
            out.add(decide(family.get(i), adjusted[i], level, rules));
        }
        return out;
    }

    static PairedComparison decide(PairedEstimate e, double adjustedP, double level, PairedRules rules) {
        if (e.rounds() < rules.minRounds() || e.interval() == null) {
            return new PairedComparison(e, adjustedP, level, Verdict.UNSTABLE, String.format(Locale.ROOT,
                    "too few rounds to tell (%d; at least %d)", e.rounds(), rules.minRounds()), false);
        }
        if (e.noise() > Math.log1p(rules.maxNoise())) {
            return new PairedComparison(e, adjustedP, level, Verdict.UNSTABLE, String.format(Locale.ROOT,
                    "rounds disagree by ±%s (A/A noise above %s): too noisy to trust", pct(Math.expm1(e.noise())),
                    pct(rules.maxNoise())), true);
        }
        boolean significant = adjustedP <= level;
        double bound = Math.log1p(rules.minEffect());
        boolean large = Math.abs(Math.log(e.ratio())) >= bound;
        boolean withinMinEffect = e.interval().low() >= 1 / (1 + rules.minEffect())
                && e.interval().high() <= 1 + rules.minEffect();
        String test = String.format(Locale.ROOT, "p = %s after Holm, level %s", p(adjustedP), p(level));
        if (significant && large) {
            Verdict v = e.ratio() > 1 ? Verdict.SLOWER : Verdict.FASTER;
            return new PairedComparison(e, adjustedP, level, v, "significant (" + test + ") and beyond the "
                    + pct(rules.minEffect()) + " minimum effect", true);
        }
        if (significant) {
            return new PairedComparison(e, adjustedP, level, Verdict.NO_SIGNIFICANT_CHANGE, "significant ("
                    + test + ") but smaller than the " + pct(rules.minEffect()) + " minimum effect", withinMinEffect);
        }
        if (withinMinEffect) {
            return new PairedComparison(e, adjustedP, level, Verdict.NO_SIGNIFICANT_CHANGE, "not significant ("
                    + test + "); the interval lies within ±" + pct(rules.minEffect()), true);
        }
        if (e.interval().low() < 1 / (1 + rules.resolution()) || e.interval().high() > 1 + rules.resolution()) {
            return new PairedComparison(e, adjustedP, level, Verdict.UNSTABLE, "not significant (" + test
                    + ") and the interval reaches beyond ±" + pct(rules.resolution()) + ": too noisy to tell", false);
        }
        return new PairedComparison(e, adjustedP, level, Verdict.NO_SIGNIFICANT_CHANGE, "not significant (" + test
                + "), but the interval reaches beyond ±" + pct(rules.minEffect()), false);
    }

    public double ratio() {
        return estimate.ratio();
    }

    public Interval interval() {
        return estimate.interval();
    }

    public double changePercent() {
        return estimate.changePercent();
    }

    private static String pct(double fraction) {
        String digits = String.format(Locale.ROOT, "%.2f", fraction * 100);
        return digits.replaceFirst("0+$", "").replaceFirst("\\.$", "") + "%";
    }

    private static String p(double value) {
        return value < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", value).replaceFirst("0+$", "")
                .replaceFirst("\\.$", ".0");
    }
}
