package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a target cost: instance time × price per hour, in USD. Any part may be unknown; then
 * {@code amount} is null and {@code note} says why. Nothing is invented: a local run has no amount.
 *
 * @param instanceSeconds how long the instance ran, as far as the run knows
 * @param instanceTime    what {@code instanceSeconds} measures, e.g. {@code launch to results collected}
 * @param pricePerHour    USD per hour, or null
 * @param priceSource     where the price came from; says so when it is an estimate
 * @param amount          USD, or null when unknown
 * @param note            why {@code amount} is unknown, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cost(Double instanceSeconds, String instanceTime, Double pricePerHour, String priceSource,
                   Double amount, String note) {
}
