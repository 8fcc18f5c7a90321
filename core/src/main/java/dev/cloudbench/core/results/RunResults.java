package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The normalized results of a run: {@code runs/RUN/results.json}. The schema is versioned by
 * {@link #SCHEMA}; a change that removes or renames a field gets a new version. Documented in
 * docs/results-schema.md.
 *
 * @param schema      always {@value #SCHEMA}
 * @param runId       the run
 * @param suite       the suite's name
 * @param status      {@code succeeded} when every target succeeded, else {@code failed}
 * @param generatedAt when this file was written (ISO-8601, UTC)
 * @param targets     one entry per instance of the request's targets, in request order (a replicated
 *                    target's replicas in a row)
 * @param pooledComparisons a suite with variants and replicated targets: per replicated target, its
 *                    variants compared over all its replicas; empty (absent from the JSON) otherwise
 */
public record RunResults(String schema, String runId, String suite, String status, String generatedAt,
                         List<TargetResult> targets,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PooledComparison> pooledComparisons) {
    public static final String SCHEMA = "cloudbench.results/v1";

    public RunResults {
        pooledComparisons = pooledComparisons == null ? List.of() : List.copyOf(pooledComparisons);
    }

    /** Results without pooled comparisons. */
    public RunResults(String schema, String runId, String suite, String status, String generatedAt,
                      List<TargetResult> targets) {
        this(schema, runId, suite, status, generatedAt, targets, null);
    }

    /** The targets comparisons across targets take: all but those left out as noisy hosts. */
    public List<TargetResult> comparedTargets() {
        return targets.stream().filter(t -> !t.leftOutAsNoisy()).toList();
    }
}
