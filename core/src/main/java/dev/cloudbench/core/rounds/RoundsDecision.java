package dev.cloudbench.core.rounds;

import dev.cloudbench.core.results.BenchmarkResult;
import dev.cloudbench.core.results.RoundsRecord;
import dev.cloudbench.core.results.VariantComparison;
import dev.cloudbench.core.stats.AlphaSpending;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.PairedRules;
import java.util.List;

/**
 * One look at the rounds measured so far: the verdicts at this look's level, and whether to add
 * rounds. Rounds are added while some comparison is unsettled and the budget allows; the look
 * that uses up the budget spends all the α earlier looks left.
 *
 * @param record      the record after this look; {@code stoppedBecause} null means "measure more"
 * @param comparisons the verdicts at this look
 * @param level       the level this look tested at
 */
public record RoundsDecision(RoundsRecord record, List<VariantComparison> comparisons, double level) {

    public boolean moreRounds() {
        return record.stoppedBecause() == null;
    }

    /** The record before the first look. */
    public static RoundsRecord firstRecord(RoundPlan plan, List<String> variants, PairedRules rules) {
        return new RoundsRecord(variants, plan.order(), plan.seed(), plan.min(), plan.max(), plan.maxSeconds(),
                rules.minEffect() * 100, 0, List.of(), null);
    }

    /**
     * @param previous       the record so far ({@link #firstRecord} before the first look)
     * @param results        the target's results, merged from the round exports
     * @param completed      rounds measured
     * @param timeBudgetUsed the script stopped starting rounds because of the time budget
     * @param timeLeft       the suite's timeout and the run's deadline leave room for another command
     */
    public static RoundsDecision at(RoundsRecord previous, List<BenchmarkResult> results, int completed,
                                    boolean timeBudgetUsed, boolean timeLeft, PairedRules rules, Bootstrap bootstrap) {
        List<Integer> earlier = previous.looks().stream().filter(l -> l < completed).toList();
        boolean budgetLeft = !timeBudgetUsed && timeLeft && completed < previous.max();
        double level = AlphaSpending.levelAt(rules.alpha(), rules.spending(), earlier, completed, previous.max(),
                !budgetLeft);
        List<VariantComparison> comparisons = VariantAnalysis.compare(results, previous.variants(), level, rules,
                bootstrap);
        String stopped;
        if (timeBudgetUsed) {
            stopped = RoundsRecord.TIME_BUDGET;
        } else if (completed >= previous.max()) {
            stopped = RoundsRecord.ROUND_BUDGET;
        } else if (!timeLeft) {
            stopped = RoundsRecord.SUITE_TIMEOUT;
        } else if (comparisons.stream().allMatch(VariantComparison::settled)) {
            stopped = RoundsRecord.SETTLED;
        } else {
            stopped = null;
        }
        return new RoundsDecision(previous.withLook(completed, stopped), comparisons, level);
    }
}
