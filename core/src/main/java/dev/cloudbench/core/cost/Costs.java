package dev.cloudbench.core.cost;

import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.Environment;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A target's cost: instance time × price. The price is what the fleet recorded at launch (the
 * spot price actually paid, or an on-demand price); failing that, for an instance bought
 * on-demand, the bundled list price, labelled as an estimate. A spot instance without a recorded
 * price, and a local run, get no amount — and a note that says so.
 */
public final class Costs {
    public static final String LOCAL = "local";

    private Costs() {
    }

    /** @param market the market the instance was bought in: the environment's, else the requested one */
    public static Cost of(Environment environment, String instanceType, String market, PriceTable table) {
        String actualMarket = environment != null && environment.market() != null ? environment.market() : market;
        Double seconds = null;
        String basis = null;
        if (environment != null && environment.finishedAt() != null) {
            if (environment.launchedAt() != null) {
                seconds = seconds(environment.launchedAt(), environment.finishedAt());
                basis = "launch to results collected";
            } else if (environment.startedAt() != null) {
                seconds = seconds(environment.startedAt(), environment.finishedAt());
                basis = "benchmark start to results collected (launch time not recorded)";
            }
        }
        if (LOCAL.equals(actualMarket) || LOCAL.equals(instanceType)) {
            return new Cost(seconds, basis, null, null, null, "local run: this host is not billed by cloudbench");
        }
        Double price = null;
        String source = null;
        if (environment != null && environment.pricePerHour() != null) {
            price = environment.pricePerHour();
            source = environment.priceSource() == null ? "recorded at launch" : environment.priceSource();
        } else if ("on-demand".equals(actualMarket)) {
            Optional<Double> listed = table.onDemand(instanceType);
            if (listed.isPresent()) {
                price = listed.get();
                source = table.label();
            }
        }
        String note = null;
        if (price == null) {
            note = "spot".equals(actualMarket) ? "spot price not recorded at launch"
                    : "on-demand".equals(actualMarket) ? "no price for " + instanceType + " in the bundled table"
                    : "market unknown: the instance never reported";
        } else if (seconds == null) {
            note = "instance time unknown";
        }
        Double amount = price != null && seconds != null ? seconds * price / 3600 : null;
        return new Cost(seconds, basis, price, source, amount, note);
    }

    private static Double seconds(String from, String to) {
        try {
            return Duration.between(Instant.parse(from), Instant.parse(to)).toMillis() / 1000.0;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
