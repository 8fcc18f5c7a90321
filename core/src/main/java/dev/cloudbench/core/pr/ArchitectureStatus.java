package dev.cloudbench.core.pr;

import dev.cloudbench.core.report.Format;
import dev.cloudbench.core.results.RunResults;
import java.util.List;
import java.util.Locale;

/**
 * The commit status of one architecture of a baseline/candidate run, as GitHub shows it beside the
 * pull request: context {@code cloudbench/ARCH}, a state and a one-line description.
 *
 * @param context     {@code cloudbench/x86_64}, {@code cloudbench/arm64}
 * @param state       {@code success}, {@code failure} (a confirmed regression beyond the gate) or
 *                    {@code error} (the architecture's targets failed or measured nothing to compare)
 * @param description at most {@value #MAX_DESCRIPTION} characters
 */
public record ArchitectureStatus(String context, String state, String description) {
    public static final String PREFIX = "cloudbench/";
    /** GitHub shows a status description in one short line; longer ones are refused or cut. */
    public static final int MAX_DESCRIPTION = 140;

    /** One status per architecture, judged by {@code gate}. */
    public static List<ArchitectureStatus> of(RunResults run, List<String> architectures, RegressionGate gate) {
        return architectures.stream().map(a -> of(run, a, gate)).toList();
    }

    static ArchitectureStatus of(RunResults run, String architecture, RegressionGate gate) {
        RegressionGate.Decision d = gate.judge(run, architecture);
        String limit = String.format(Locale.ROOT, "%.1f%%", gate.thresholdPercent());
        if (d.fails()) {
            RegressionGate.Finding worst = d.regressions().get(0);
            String more = d.regressions().size() > 1 ? " and " + (d.regressions().size() - 1) + " more" : "";
            return status(architecture, "failure", "▲ " + worst.comparison().benchmark() + " "
                    + Format.percent(worst.comparison().changePercent()) + more + ": slower than the baseline beyond " + limit);
        }
        if (d.targets() == 0) {
            return status(architecture, "error", "not measured: the run had no " + architecture + " target");
        }
        if (!d.failedTargets().isEmpty()) {
            return status(architecture, "error", "target failed (" + String.join(", ", d.failedTargets()) + ")"
                    + (d.compared() == 0 ? "" : "; no regression beyond " + limit + " in what it measured"));
        }
        if (d.compared() == 0) {
            return status(architecture, "error", "no comparison with the baseline was measured");
        }
        return status(architecture, "success", "no regression beyond " + limit + " (" + d.counts() + ")");
    }

    /** A status with the context of {@code architecture}; the description cut to fit. */
    public static ArchitectureStatus status(String architecture, String state, String description) {
        String d = description.length() <= MAX_DESCRIPTION ? description
                : description.substring(0, MAX_DESCRIPTION - 1) + "…";
        return new ArchitectureStatus(PREFIX + architecture, state, d);
    }
}
