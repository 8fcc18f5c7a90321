package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.model.Metric;
import dev.cloudbench.core.stats.Interval;
import dev.cloudbench.core.stats.Verdict;
import java.util.Comparator;
import java.util.Map;

/**
 * One variant against the baseline variant for one benchmark (and parameter combination), from the
 * rounds both ran in on the same instance: the target's {@code variantComparisons} in results.json.
 *
 * @param benchmark      the benchmark's name
 * @param parameters     its parameter values, empty without parameter lists
 * @param variant        the variant compared
 * @param baseline       the variant it is compared with (the suite's first)
 * @param rounds         rounds in which both were measured
 * @param ratio          paired ratio of medians, variant ÷ baseline: above 1, the variant takes longer
 * @param interval       bootstrap interval of {@code ratio} (resampling rounds), or null with fewer than two rounds
 * @param pValue         Wilcoxon signed-rank p-value of the per-round log-ratios
 * @param adjustedPValue after Holm's correction over the target's comparisons
 * @param level          the level the last look tested at (α spent there)
 * @param noise          robust standard deviation of the per-round log-ratios
 * @param verdict        {@link Verdict#id()}
 * @param reason         one line on why
 * @param settled        false when more rounds could have changed the kind of answer
 * @param metric         {@code instructions} when compared on instruction counts (the ratio is then of
 *                       instructions); null for wall time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantComparison(String benchmark, Map<String, String> parameters, String variant, String baseline,
                                int rounds, double ratio, Interval interval, double pValue, double adjustedPValue,
                                double level, double noise, String verdict, String reason, boolean settled,
                                String metric) {
    /** Regressions first, then unstable, faster, unchanged; larger changes first within a verdict. */
    public static final Comparator<VariantComparison> REGRESSIONS_FIRST =
            Comparator.comparing(VariantComparison::verdictValue).thenComparing(c -> -Math.abs(c.changePercent()));


    public VariantComparison {
        parameters = parameters == null ? Map.of() : parameters;
    }

    /** A comparison on wall time. */
    public VariantComparison(String benchmark, Map<String, String> parameters, String variant, String baseline,
                             int rounds, double ratio, Interval interval, double pValue, double adjustedPValue,
                             double level, double noise, String verdict, String reason, boolean settled) {
        this(benchmark, parameters, variant, baseline, rounds, ratio, interval, pValue, adjustedPValue, level, noise,
                verdict, reason, settled, null);
    }

    /** What was compared. */
    @JsonIgnore
    public Metric metricValue() {
        return metric == null ? Metric.WALL_TIME : Metric.byId(metric).orElse(Metric.WALL_TIME);
    }

    @JsonIgnore
    public Verdict verdictValue() {
        Verdict v = Verdict.byId(verdict);
        return v == null ? Verdict.UNSTABLE : v;
    }

    /** The same comparison, not judged, for {@code why} (a noisy host); what was measured stays in the reason. */
    public VariantComparison notJudged(String why) {
        if (verdictValue() == Verdict.NOT_JUDGED) {
            return this;
        }
        return new VariantComparison(benchmark, parameters, variant, baseline, rounds, ratio, interval, pValue,
                adjustedPValue, level, noise, Verdict.NOT_JUDGED.id(), why + " (measured: "
                + verdictValue().label() + ")", settled, metric);
    }

    /** The change in percent: +2.5 means 2.5 % more time (or instructions). */
    public double changePercent() {
        return (ratio - 1) * 100;
    }
}
