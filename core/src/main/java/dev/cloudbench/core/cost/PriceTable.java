package dev.cloudbench.core.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * On-demand list prices bundled with cloudbench (on-demand-prices.json beside this class): an
 * estimate with a region and a date, used only when the fleet did not record what an instance
 * cost. Spot prices are never estimated from it.
 *
 * @param region   the region the prices are for
 * @param asOf     when they were taken (year-month)
 * @param perHour  USD per hour by instance type
 */
public record PriceTable(String region, String asOf, Map<String, Double> perHour) {
    private static final PriceTable BUNDLED = load();

    public static PriceTable bundled() {
        return BUNDLED;
    }

    public Optional<Double> onDemand(String instanceType) {
        return Optional.ofNullable(instanceType == null ? null : perHour.get(instanceType));
    }

    /** How reports name a price from this table. */
    public String label() {
        return "on-demand list price, " + region + ", as of " + asOf + " (estimate)";
    }

    private static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream("on-demand-prices.json")) {
            if (in == null) {
                throw new IllegalStateException("on-demand-prices.json missing from the classpath");
            }
            JsonNode root = Json.payload().readTree(in);
            Map<String, Double> prices = new TreeMap<>();
            root.path("prices").properties().forEach(e -> prices.put(e.getKey(), e.getValue().asDouble()));
            return new PriceTable(root.path("region").asText(), root.path("asOf").asText(), Map.copyOf(prices));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read on-demand-prices.json", e);
        }
    }
}
