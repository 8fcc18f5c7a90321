package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What a target's machine was, as measured on it, plus what the fleet knows about it.
 * Fields the machine did not report are null.
 *
 * @param market       the market the instance was actually bought in ({@code spot},
 *                     {@code on-demand}; {@code local} for this host)
 * @param launchedAt   when the instance was launched (ISO-8601), when the fleet said
 * @param pricePerHour what the instance cost per hour, USD, when the fleet recorded it at launch
 * @param priceSource  where {@code pricePerHour} came from, e.g. {@code spot price at launch}
 * @param startedAt    when the benchmark script started
 * @param finishedAt   when results were collected (or the failure was handled)
 * @param variantCommits a suite with variants: the commit of each variant checked out at a ref of its own
 * @param readyAt      when "Check Instance" found the instance ready for commands
 * @param instructionCounter a suite counting instructions: what counted them, {@code perf} (the
 *                       {@code instructions:u} hardware counter) or {@code callgrind} (Valgrind)
 * @param canary       the noise canary, when the suite ran it: its parts before and after the suite,
 *                     whether the host is noisy; its level against the run's other instances once
 *                     the run's results were merged
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
        String architecture,
        String instanceType,
        String market,
        String zone,
        String instanceId,
        String imageId,
        String cpuModel,
        Integer cores,
        String kernel,
        String os,
        String hyperfineVersion,
        String commit,
        String launchedAt,
        Double pricePerHour,
        String priceSource,
        String startedAt,
        String finishedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> variantCommits,
        String readyAt,
        String instructionCounter,
        Canary canary) {

    public Environment {
        variantCommits = variantCommits == null ? Map.of() : variantCommits;
    }

    /** A machine of a run without variant checkouts. */
    public Environment(String architecture, String instanceType, String market, String zone, String instanceId,
                       String imageId, String cpuModel, Integer cores, String kernel, String os,
                       String hyperfineVersion, String commit, String launchedAt, Double pricePerHour,
                       String priceSource, String startedAt, String finishedAt) {
        this(architecture, instanceType, market, zone, instanceId, imageId, cpuModel, cores, kernel, os,
                hyperfineVersion, commit, launchedAt, pricePerHour, priceSource, startedAt, finishedAt, null);
    }

    /** A machine without a canary. */
    public Environment(String architecture, String instanceType, String market, String zone, String instanceId,
                       String imageId, String cpuModel, Integer cores, String kernel, String os,
                       String hyperfineVersion, String commit, String launchedAt, Double pricePerHour,
                       String priceSource, String startedAt, String finishedAt, Map<String, String> variantCommits,
                       String readyAt, String instructionCounter) {
        this(architecture, instanceType, market, zone, instanceId, imageId, cpuModel, cores, kernel, os,
                hyperfineVersion, commit, launchedAt, pricePerHour, priceSource, startedAt, finishedAt, variantCommits,
                readyAt, instructionCounter, null);
    }

    /** A machine whose readiness time and instruction counter were not recorded. */
    public Environment(String architecture, String instanceType, String market, String zone, String instanceId,
                       String imageId, String cpuModel, Integer cores, String kernel, String os,
                       String hyperfineVersion, String commit, String launchedAt, Double pricePerHour,
                       String priceSource, String startedAt, String finishedAt, Map<String, String> variantCommits) {
        this(architecture, instanceType, market, zone, instanceId, imageId, cpuModel, cores, kernel, os,
                hyperfineVersion, commit, launchedAt, pricePerHour, priceSource, startedAt, finishedAt, variantCommits,
                null, null);
    }

    /** The same machine with {@code newCanary} as its canary. */
    public Environment withCanary(Canary newCanary) {
        return new Environment(architecture, instanceType, market, zone, instanceId, imageId, cpuModel, cores, kernel,
                os, hyperfineVersion, commit, launchedAt, pricePerHour, priceSource, startedAt, finishedAt,
                variantCommits, readyAt, instructionCounter, newCanary);
    }
}
