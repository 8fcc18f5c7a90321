package dev.cloudbench.core.validation;

import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.CapacityPort;
import dev.cloudbench.core.port.InstanceTypeFacts;
import dev.cloudbench.core.port.VcpuQuota;
import dev.cloudbench.core.run.PlannedTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the run's targets can be launched here at all, asked before anything is built or
 * launched: each instance type is allowed by the deployment, exists, runs the target's
 * architecture and market, is offered in one of the stack's zones, and the account's vCPU quota
 * of each market holds the targets that may run in it at once. A type for the wrong architecture
 * then fails "Plan Run" in seconds instead of "Launch Instance" after a 20-minute image build.
 * Replicas count as the instances they are: three replicas of a target need three times its vCPUs.
 */
public final class CapacityCheck {
    private CapacityCheck() {
    }

    /**
     * {@link #problems(List, List, int, CapacityPort)} of targets planned one instance each (index i is
     * {@code request.targets[i]}).
     */
    public static List<String> problems(List<PlannedTarget> targets, int maxConcurrency, CapacityPort capacity) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            indexes.add(i);
        }
        return problems(targets, indexes, maxConcurrency, capacity);
    }

    /**
     * Every problem, one line each naming the target and the field: empty when the run fits.
     *
     * @param targets        the planned targets, one per instance (a replicated target's replicas in a row)
     * @param requestIndexes per planned target, the index of the request's target it comes from
     * @param maxConcurrency how many instances run at once
     */
    public static List<String> problems(List<PlannedTarget> targets, List<Integer> requestIndexes, int maxConcurrency,
                                        CapacityPort capacity) {
        InstanceTypePatterns allowed = new InstanceTypePatterns(capacity.allowedInstanceTypes());
        Set<String> names = new LinkedHashSet<>();
        targets.forEach(t -> names.add(t.instanceType()));
        Map<String, InstanceTypeFacts> facts = capacity.instanceTypes(names);
        List<String> zones = capacity.zones();
        List<String> problems = new ArrayList<>();
        Set<Integer> checked = new java.util.HashSet<>();
        for (int p = 0; p < targets.size(); p++) {
            int i = requestIndexes.get(p);
            if (!checked.add(i)) {
                continue; // a replica of a target already checked: the same type, zones and market
            }
            PlannedTarget t = targets.get(p);
            String at = "request.targets[" + i + "].";
            String who = "target " + (t.replicaOf() == null ? t.targetId() : t.replicaOf()) + ": ";
            if (!allowed.allows(t.instanceType())) {
                problems.add(at + "instanceType: " + who + t.instanceType() + " is not in the stack's AllowedInstanceTypes ("
                        + String.join(", ", allowed.patterns()) + ")");
                continue;
            }
            InstanceTypeFacts f = facts.get(t.instanceType());
            if (f == null) {
                problems.add(at + "instanceType: " + who + "unknown instance type '" + t.instanceType()
                        + "' in this region");
                continue;
            }
            if (!f.architectures().contains(t.architecture().id())) {
                problems.add(at + "architecture: " + who + t.instanceType() + " runs "
                        + String.join(", ", f.architectures()) + ", not " + t.architecture().id());
            }
            if (f.zones().stream().noneMatch(zones::contains)) {
                problems.add(at + "instanceType: " + who + t.instanceType() + " is not offered in the stack's zones ("
                        + String.join(", ", zones) + ")");
            }
            Market market = t.market();
            if (market == Market.SPOT && !f.markets().contains(Market.SPOT.id())) {
                problems.add(at + "market: " + who + t.instanceType() + " is not sold as spot here");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(quotaProblems(targets, requestIndexes, maxConcurrency, facts, capacity.vcpuQuotas()));
        }
        return problems;
    }

    /**
     * The quota of each market must hold the largest {@code maxConcurrency} targets that may run in
     * it at once. {@code spot-or-on-demand} targets count as spot, unless spot cannot hold them and
     * on-demand can: then they fall back there as the launch would.
     */
    static List<String> quotaProblems(List<PlannedTarget> targets, List<Integer> requestIndexes, int maxConcurrency,
                                      Map<String, InstanceTypeFacts> facts, Map<Market, VcpuQuota> quotas) {
        List<Demand> spot = new ArrayList<>();
        List<Demand> onDemand = new ArrayList<>();
        List<Demand> either = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            PlannedTarget t = targets.get(i);
            InstanceTypeFacts f = facts.get(t.instanceType());
            if (f == null || !f.standard()) {
                continue; // other families have quotas of their own, not checked here
            }
            Demand d = new Demand(requestIndexes.get(i), t.targetId(), f.vcpus());
            switch (t.market()) {
                case SPOT -> spot.add(d);
                case ON_DEMAND -> onDemand.add(d);
                case SPOT_OR_ON_DEMAND -> either.add(d);
            }
        }
        List<Demand> spotWithEither = concat(spot, either);
        List<Demand> onDemandWithEither = concat(onDemand, either);
        boolean eitherFitsSpot = fits(quotas.get(Market.SPOT), spotWithEither, maxConcurrency);
        List<String> problems = new ArrayList<>();
        if (eitherFitsSpot || !fits(quotas.get(Market.ON_DEMAND), onDemandWithEither, maxConcurrency)) {
            problem(Market.SPOT, quotas.get(Market.SPOT), spotWithEither, maxConcurrency).ifPresent(problems::add);
            problem(Market.ON_DEMAND, quotas.get(Market.ON_DEMAND), onDemand, maxConcurrency).ifPresent(problems::add);
        } else {
            problem(Market.SPOT, quotas.get(Market.SPOT), spot, maxConcurrency).ifPresent(problems::add);
        }
        return problems;
    }

    private record Demand(int index, String targetId, int vcpus) {
    }

    private static List<Demand> concat(List<Demand> a, List<Demand> b) {
        List<Demand> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The vCPUs of the largest {@code maxConcurrency} demands: the most that can run at once. */
    private static int peak(List<Demand> demands, int maxConcurrency) {
        return demands.stream().map(Demand::vcpus).sorted(Comparator.reverseOrder()).limit(maxConcurrency)
                .mapToInt(Integer::intValue).sum();
    }

    private static boolean fits(VcpuQuota quota, List<Demand> demands, int maxConcurrency) {
        return quota == null || peak(demands, maxConcurrency) <= quota.free();
    }

    private static Optional<String> problem(Market market, VcpuQuota quota, List<Demand> demands,
                                                      int maxConcurrency) {
        if (fits(quota, demands, maxConcurrency)) {
            return Optional.empty();
        }
        String indexes = demands.stream().map(Demand::index).distinct().map(i -> Integer.toString(i))
                .collect(Collectors.joining(","));
        String ids = demands.stream().map(Demand::targetId).collect(Collectors.joining(", "));
        return Optional.of(String.format(Locale.ROOT, "request.targets[%s].market: targets %s need up to %d "
                        + "%s vCPUs at once, but the account's quota \"%s\" has %s free (%s, %d in use); lower "
                        + "limits.maxConcurrentTargets, choose smaller types or ask for a quota increase",
                indexes, ids, peak(demands, maxConcurrency), market.id(), quota.name(), number(quota.free()),
                number(quota.limit()), quota.inUse()));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
