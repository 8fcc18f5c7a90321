package dev.cloudbench.core.results;

import java.util.List;

/**
 * One variant against the baseline variant for one benchmark of a replicated target, from the
 * paired rounds of all its replicas together, the instance as the block: results.json's
 * {@code pooledComparisons}. Each replica's own comparison stays in its target's
 * {@code variantComparisons}.
 *
 * @param target     the replicated target (the replicas' {@code replicaOf})
 * @param instances  the replicas pooled (target ids), in order
 * @param comparison the pooled comparison: {@code rounds} counts the rounds of every replica pooled,
 *                   {@code ratio} is exp of the median of the replicas' Hodges–Lehmann centres, the
 *                   interval resamples replicas and then rounds, {@code pValue} is what the
 *                   adjustment started from (docs/statistics.md, "Replicas: pooled verdicts"),
 *                   {@code noise} the robust spread of every replica's per-round log-ratios together
 */
public record PooledComparison(String target, List<String> instances, VariantComparison comparison) {
    public PooledComparison {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }
}
