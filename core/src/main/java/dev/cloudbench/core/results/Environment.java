package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a target's machine was, as measured on it, plus what the fleet knows about it.
 * Fields the machine did not report are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Environment(
        String architecture,
        String instanceType,
        String market,
        String zone,
        String instanceId,
        String imageId,
        String spotPrice,
        String cpuModel,
        Integer cores,
        String kernel,
        String os,
        String hyperfineVersion,
        String commit,
        String startedAt,
        String finishedAt) {
}
