package dev.cloudbench.core.cost;

import dev.cloudbench.core.results.Cost;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.results.InstanceTime;
import java.util.Optional;

/**
 * A target's cost: instance time × price. Instance time runs from launch to the terminate request
 * when both are known (what the instance is billed for, overhead included); results written
 * before the terminate request was recorded fall back to launch to results collected. The price is what the fleet recorded at launch (the
 * spot price actually paid, or an on-demand price); failing that, for an instance bought
 * on-demand, the bundled list price, labelled as an estimate. A spot instance without a recorded
 * price, and a local run, get no amount — and a note that says so.
 */
public final class Costs {
    public static final String LOCAL = "local";
    /** What {@link Cost#instanceTime()} says when the whole billed time is known. */
    public static final String INSTANCE_TIME = "launch to terminate request";

    private Costs() {
    }

    /** Without the instance's time account (results written before it was recorded). */
    public static Cost of(Environment environment, String instanceType, String market, PriceTable table) {
        return of(environment, null, instanceType, market, table);
    }

    /**
     * @param time   where the instance's time went, or null when not recorded
     * @param market the market the instance was bought in: the environment's, else the requested one
     */
    public static Cost of(Environment environment, InstanceTime time, String instanceType, String market,
                          PriceTable table) {
        String actualMarket = environment != null && environment.market() != null ? environment.market() : market;
        Double seconds = null;
        String basis = null;
        if (time != null && time.instanceSeconds() != null) {
            seconds = time.instanceSeconds();
            basis = INSTANCE_TIME;
        } else if (environment != null && environment.finishedAt() != null) {
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
        return InstanceTime.seconds(from, to);
    }
}
