package dev.cloudbench.core.port;

import dev.cloudbench.core.error.BadInputException;
import dev.cloudbench.core.error.CapacityUnavailableException;
import dev.cloudbench.core.error.QuotaExceededException;
import java.util.List;

/**
 * The instances a run starts. Every instance is tagged with its run and target, so that it can
 * be found again — by a retried launch, by cleanup and by the sweeper — without any state kept
 * elsewhere.
 */
public interface FleetPort {

    /**
     * Launches one instance for a target, or returns the one already launched for it (a retried
     * call must never start a second instance).
     *
     * @throws CapacityUnavailableException no capacity in any zone of the allowed market(s)
     * @throws QuotaExceededException       an account limit stops the launch
     * @throws BadInputException            the instance type cannot run the architecture
     */
    LaunchedInstance launch(LaunchSpec spec);

    /**
     * The instance's current state; an instance that no longer exists is {@code TERMINATED}.
     *
     * @throws CapacityUnavailableException the provider ended the instance for lack of capacity
     *                                      before it ran (a late capacity failure)
     */
    InstanceStatus describe(String instanceId);

    /** Terminates the instances; terminating what is already gone succeeds. */
    void terminate(List<String> instanceIds);

    /** Ids of the instances tagged with the run (and target, when given) that are not terminated. */
    List<String> findLive(String runId, String targetIdOrNull);

    /**
     * Every live instance tagged by this stack — benchmark instances of any run and image
     * builders — and never an instance of another stack or an untagged one.
     */
    List<TaggedInstance> findTagged();
}
