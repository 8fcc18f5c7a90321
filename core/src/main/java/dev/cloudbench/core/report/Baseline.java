package dev.cloudbench.core.report;

import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.results.TargetResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one target is compared with: the same target in an earlier run.
 *
 * @param runId  the earlier run
 * @param target that run's results for the target
 */
public record Baseline(String runId, TargetResult target) {

    /**
     * Pairs each target of {@code current} with the target of the same id in {@code baseline}; when
     * each run has exactly one target, those two are paired whatever their ids (two hyperfine
     * directories, or a local run against an older one under another name).
     */
    public static Map<String, Baseline> matching(RunResults current, RunResults baseline) {
        Map<String, Baseline> matched = new LinkedHashMap<>();
        if (current.targets().size() == 1 && baseline.targets().size() == 1) {
            matched.put(current.targets().get(0).targetId(), new Baseline(baseline.runId(), baseline.targets().get(0)));
            return matched;
        }
        for (TargetResult t : current.targets()) {
            baseline.targets().stream().filter(b -> b.targetId().equals(t.targetId())).findFirst()
                    .ifPresent(b -> matched.put(t.targetId(), new Baseline(baseline.runId(), b)));
        }
        return matched;
    }

    /** The baselines {@code current} recorded (each target's {@code baselineRunId}), from the runs given. */
    public static Map<String, Baseline> recorded(RunResults current, Map<String, RunResults> runs) {
        Map<String, Baseline> matched = new LinkedHashMap<>();
        for (TargetResult t : current.targets()) {
            RunResults run = t.baselineRunId() == null ? null : runs.get(t.baselineRunId());
            if (run != null) {
                run.targets().stream().filter(b -> b.targetId().equals(t.targetId())).findFirst()
                        .ifPresent(b -> matched.put(t.targetId(), new Baseline(run.runId(), b)));
            }
        }
        return matched;
    }
}
