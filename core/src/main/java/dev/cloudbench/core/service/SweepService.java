package dev.cloudbench.core.service;

import dev.cloudbench.core.port.ExecutionsPort;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.TaggedInstance;
import dev.cloudbench.core.run.SweepReport;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last cleanup layer, run on a schedule: terminates this stack's instances whose deadline
 * passed or whose run's execution is no longer running — whatever happened to the events and
 * catch branches that should have ended them. It only ever sees instances the fleet reports as
 * tagged by this stack. An instance tagged with the execution that launched it is judged by that
 * execution; older ones by the execution named after their run.
 */
public final class SweepService {
    private final FleetPort fleet;
    private final ExecutionsPort executions;
    private final Clock clock;

    public SweepService(FleetPort fleet, ExecutionsPort executions, Clock clock) {
        this.fleet = fleet;
        this.executions = executions;
        this.clock = clock;
    }

    public SweepReport sweep() {
        Instant now = clock.instant();
        List<TaggedInstance> tagged = fleet.findTagged();
        Map<String, Boolean> running = new HashMap<>();
        List<SweepReport.Swept> swept = new ArrayList<>();
        for (TaggedInstance i : tagged) {
            String reason = null;
            if (i.deadline() != null && now.isAfter(i.deadline())) {
                reason = "deadline " + i.deadline() + " passed";
            } else if (i.executionArn() != null) {
                // Tagged with its execution: ask about exactly that one, whatever it is named.
                if (!running.computeIfAbsent(i.executionArn(), executions::isExecutionRunning)) {
                    reason = "execution " + i.executionArn() + " of run " + i.runId() + " is no longer running";
                }
            } else if (i.runId() != null && !running.computeIfAbsent(i.runId(), executions::isRunning)) {
                // Launched before instances carried their execution: the execution named after the run.
                reason = "execution of run " + i.runId() + " is no longer running";
            }
            if (reason != null) {
                swept.add(new SweepReport.Swept(i.instanceId(), i.runId(), reason));
            }
        }
        if (!swept.isEmpty()) {
            fleet.terminate(swept.stream().map(SweepReport.Swept::instanceId).toList());
        }
        return new SweepReport(tagged.size(), swept);
    }
}
