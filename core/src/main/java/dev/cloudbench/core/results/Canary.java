package dev.cloudbench.core.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cloudbench.core.stats.Quantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The noise canary of one instance: a short fixed workload, a CPU-bound part and a memory-bound
 * part, timed by hyperfine before and after the suite (docs/measurement.md, "Noise canary"). An
 * instance is a <em>noisy host</em> when a part drifted from before to after by more than
 * {@link #MAX_DRIFT}, when its runs vary by more than {@link #MAX_CV}, or, with at least
 * {@link #MIN_PEERS} other instances of the same architecture and instance type in the run, when a
 * part is more than {@link #MAX_LEVEL} away from their median. The first two are known on the
 * instance ({@code environment.json}); the level only when the run's results are merged
 * ({@link #withPeers}).
 *
 * @param parts     one per part measured, {@link #CPU} then {@link #MEMORY}; empty when no pass left an export
 * @param peers     other instances of the same architecture and instance type whose canary ran; null
 *                  until the run's results were merged
 * @param noisyHost true when a part is out of line (see above)
 * @param reason    one line: why the host is noisy, else what was judged and what could not be
 * @param leftOut   true when the host is noisy and the suite leaves noisy hosts out of verdicts and
 *                  of comparisons across targets ({@code "canary": {"excludeNoisy": false}} keeps
 *                  them); null until the run's results were merged
 * @param missing   what the canary lacks and why (a pass that failed or never ran); null when both
 *                  passes left their export
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Canary(List<Part> parts, Integer peers, boolean noisyHost, String reason, Boolean leftOut,
                     String missing) {
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    /** A part whose median moved more than this between before and after the suite (either way). */
    public static final double MAX_DRIFT = 0.20;
    /** A pass whose runs vary more than this (robust coefficient of variation). */
    public static final double MAX_CV = 0.20;
    /** A part further than this from the median of its peers (either way). */
    public static final double MAX_LEVEL = 0.15;
    /** Peers needed before the level is judged: the median of fewer says little about which one is out of line. */
    public static final int MIN_PEERS = 3;

    public Canary {
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /**
     * One part of the canary on one instance. Times are seconds.
     *
     * @param part   {@link #CPU} or {@link #MEMORY}
     * @param before median of the runs before the suite, or null when that pass is missing
     * @param after  median of the runs after the suite, or null when that pass is missing
     * @param drift  {@code after / before - 1}, or null without both
     * @param cv     run-to-run variation: the larger of the two passes' robust coefficients of
     *               variation (1.4826 × median absolute deviation ÷ median)
     * @param median median of every run of both passes: what the level compares
     * @param level  {@code median} ÷ the median of the peers' medians, or null without peers
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String part, Double before, Double after, Double drift, double cv, double median,
                       Double level) {
        Part withLevel(Double newLevel) {
            return new Part(part, before, after, drift, cv, median, newLevel);
        }
    }

    /**
     * The canary of one instance from its exports, each null when that pass left none; its drift and
     * spread judged, its level not yet.
     *
     * @param missing why a pass is missing, as the script noted it, or null
     */
    public static Canary of(HyperfineExport before, HyperfineExport after, String missing) {
        List<Part> parts = new ArrayList<>();
        for (String name : List.of(CPU, MEMORY)) {
            double[] b = times(before, name);
            double[] a = times(after, name);
            if (b.length == 0 && a.length == 0) {
                continue;
            }
            Double mb = b.length == 0 ? null : median(b);
            Double ma = a.length == 0 ? null : median(a);
            double[] all = new double[b.length + a.length];
            System.arraycopy(b, 0, all, 0, b.length);
            System.arraycopy(a, 0, all, b.length, a.length);
            parts.add(new Part(name, mb, ma, mb == null || ma == null ? null : ma / mb - 1,
                    Math.max(cv(b), cv(a)), median(all), null));
        }
        List<String> gaps = new ArrayList<>();
        if (before == null) {
            gaps.add("no export " + BEFORE + " the suite");
        }
        if (after == null) {
            gaps.add("no export " + AFTER + " the suite");
        }
        if (missing != null && !missing.isBlank()) {
            gaps.add(missing.strip());
        }
        return judged(parts, null, gaps.isEmpty() ? null : String.join("; ", gaps));
    }

    /** An instance whose canary should have run but left nothing: not judged, and saying why. */
    public static Canary none(String why) {
        return judged(List.of(), null, why);
    }

    /**
     * This canary against {@code peers}, the canaries of the other instances of the same
     * architecture and instance type in the run: each part's level, and the judgement again.
     */
    public Canary withPeers(List<Canary> peers) {
        List<Part> levelled = new ArrayList<>();
        int counted = 0;
        for (Part p : parts) {
            double[] theirs = peers.stream().map(c -> c.part(p.part())).flatMap(Optional::stream)
                    .mapToDouble(Part::median).toArray();
            counted = Math.max(counted, theirs.length);
            levelled.add(p.withLevel(theirs.length == 0 ? null : p.median() / median(theirs)));
        }
        return judged(levelled, counted, missing);
    }

    /** The same canary, left out of verdicts when it is noisy and {@code excludeNoisy}. */
    public Canary leavingOut(boolean excludeNoisy) {
        return new Canary(parts, peers, noisyHost, reason, noisyHost && excludeNoisy, missing);
    }

    /** The part named {@code name}, if it was measured. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.part().equals(name)).findFirst();
    }

    private static Canary judged(List<Part> parts, Integer peers, String missing) {
        if (parts.isEmpty()) {
            return new Canary(parts, peers, false, "not judged: " + (missing == null ? "no canary run" : missing), null,
                    missing);
        }
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            if (p.drift() != null && Math.abs(p.drift()) > MAX_DRIFT) {
                out.add(String.format(Locale.ROOT, "canary %s part %s from before to after the suite (limit ±%.0f %%)",
                        p.part(), signed(p.drift(), "drifted"), MAX_DRIFT * 100));
            }
            if (p.cv() > MAX_CV) {
                out.add(String.format(Locale.ROOT, "canary %s runs vary by %.1f %% (robust CV, limit %.0f %%)", p.part(),
                        p.cv() * 100, MAX_CV * 100));
            }
            if (peers != null && peers >= MIN_PEERS && p.level() != null && Math.abs(p.level() - 1) > MAX_LEVEL) {
                out.add(String.format(Locale.ROOT, "canary %s part %.1f %% %s than the median of its %d peers"
                                + " (limit ±%.0f %%)", p.part(), Math.abs(p.level() - 1) * 100,
                        p.level() > 1 ? "slower" : "faster", peers, MAX_LEVEL * 100));
            }
        }
        if (!out.isEmpty()) {
            return new Canary(parts, peers, true, String.join("; ", out), null, missing);
        }
        String judgedLevel = peers == null ? "level against other instances not yet judged"
                : peers >= MIN_PEERS ? String.format(Locale.ROOT, "level within ±%.0f %% of its %d peers",
                        MAX_LEVEL * 100, peers)
                : "level not judged: " + peers + " peer(s) of the same architecture and instance type, at least "
                        + MIN_PEERS + " needed";
        boolean both = parts.stream().allMatch(p -> p.drift() != null);
        return new Canary(parts, peers, false, String.format(Locale.ROOT, "canary within limits (%sruns vary ≤ %.0f %%"
                        + "); %s%s", both ? String.format(Locale.ROOT, "drift ≤ ±%.0f %%, ", MAX_DRIFT * 100) : "",
                MAX_CV * 100, judgedLevel, missing == null ? "" : "; " + missing), null, missing);
    }

    private static String signed(double fraction, String verb) {
        return String.format(Locale.ROOT, "%s %s%.1f %%", verb, fraction < 0 ? "−" : "+", Math.abs(fraction) * 100);
    }

    private static double[] times(HyperfineExport export, String part) {
        if (export == null) {
            return new double[0];
        }
        return export.results().stream().filter(e -> Objects.equals(part, e.command())).findFirst()
                .map(HyperfineExport.Entry::times).map(double[]::clone).orElse(new double[0]);
    }

    /** Robust coefficient of variation; 0 for fewer than two runs or a zero median. */
    private static double cv(double[] times) {
        if (times.length < 2) {
            return 0;
        }
        double median = median(times);
        return median > 0 ? Quantiles.robustSpread(times) / median : 0;
    }

    private static double median(double[] values) {
        return Quantiles.median(Quantiles.sorted(values));
    }
}
