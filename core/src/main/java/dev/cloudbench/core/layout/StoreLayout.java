package dev.cloudbench.core.layout;

import java.util.regex.Pattern;

/**
 * The keys of a run in the result store — the same under S3 and under a local directory:
 * <pre>
 * runs/RUN/request.json
 * runs/RUN/plan.json                             run id, deadline and target ids, as planned
 * runs/RUN/images/ARCH.json                      the image build a run started
 * runs/RUN/targets/TARGET/command.json           the benchmark command started on the instance
 * runs/RUN/targets/TARGET/interruption.json      a spot reclaim the target survived, and what it measured
 * runs/RUN/targets/TARGET/raw/BENCHMARK.json     hyperfine exports, untouched
 * runs/RUN/targets/TARGET/raw/BENCHMARK/round-R-P-VARIANT.json
 *                                                a suite with variants: one export per round and
 *                                                variant, P its position in the round (1 = first)
 * runs/RUN/targets/TARGET/raw/canary/PASS.json   the noise canary's hyperfine export, PASS before or after the suite
 * runs/RUN/targets/TARGET/rounds.json            a suite with variants: looks taken, why rounds stopped
 * runs/RUN/targets/TARGET/env/*.txt              what the instance reported about itself
 * runs/RUN/targets/TARGET/environment.json
 * runs/RUN/targets/TARGET/progress.json          the script's last progress line
 * runs/RUN/results.json, report.md, report.html
 * suites/SUITE/latest/TARGET.json                the latest run in which the target succeeded
 * suites/SUITE/history/TARGET/RUN.json           what a published run measured on a target (trends, change points)
 * suites/SUITE/history.html                      the suite's trend charts, rewritten by every publish
 * logs/RUN/TARGET/                               stdout and stderr of the script
 * inbox/PRINCIPAL/                               the only prefix an instance may write (see below)
 * </pre>
 * Logs live under their own top-level prefix so that one lifecycle rule can expire them while
 * results are kept (S3 lifecycle filters match prefixes, not patterns).
 *
 * <p>Instances never write under {@code runs/} or {@code logs/}: the suite they run is untrusted.
 * An instance writes its own inbox, {@code inbox/PRINCIPAL/}, with the names it would have used
 * under its target's prefix ({@code progress.json}, {@code env/*.txt}, {@code raw/…}, and the
 * command output under {@code logs/}); the tasks copy what passes validation into
 * {@code runs/RUN/targets/TARGET/} and {@code logs/RUN/TARGET/} ({@code InboxCopy}). In AWS the
 * principal is {@code aws:userid} of the instance role's session, {@code ROLE-ID:INSTANCE-ID}, which
 * the instance role's policy puts in its only {@code s3:PutObject} resource; locally it is
 * {@code local:INSTANCE-ID}.
 */
public final class StoreLayout {
    /** {@code aws:userid} of a role session is {@code ROLE-ID:SESSION}; both parts are word characters and dashes. */
    private static final Pattern INBOX_PRINCIPAL = Pattern.compile("[A-Za-z0-9_-]{1,128}:[A-Za-z0-9_-]{1,128}");

    private StoreLayout() {
    }

    public static String run(String runId) {
        return "runs/" + runId + "/";
    }

    public static String request(String runId) {
        return run(runId) + "request.json";
    }

    public static String plan(String runId) {
        return run(runId) + "plan.json";
    }

    public static String imageBuild(String runId, String architecture) {
        return run(runId) + "images/" + architecture + ".json";
    }

    /** Written when a spot reclaim moved the target to on-demand: what was measured on the lost instance. */
    public static String interruption(String runId, String targetId) {
        return target(runId, targetId) + "interruption.json";
    }

    public static String command(String runId, String targetId) {
        return target(runId, targetId) + "command.json";
    }

    /** The command that measures rounds {@code fromRound} onwards, after the first command's rounds were analysed. */
    public static String commandFromRound(String runId, String targetId, int fromRound) {
        return target(runId, targetId) + "command-round-" + fromRound + ".json";
    }

    public static String target(String runId, String targetId) {
        return run(runId) + "targets/" + targetId + "/";
    }

    public static String rawPrefix(String runId, String targetId) {
        return target(runId, targetId) + "raw/";
    }

    public static String raw(String runId, String targetId, String benchmark) {
        return rawPrefix(runId, targetId) + benchmark + ".json";
    }

    /** Where the round exports of one benchmark of a suite with variants go. */
    public static String roundsPrefix(String runId, String targetId, String benchmark) {
        return rawPrefix(runId, targetId) + benchmark + "/";
    }

    /** The file name of one round's export: {@code round-R-P-VARIANT.json}; P is 1 for the variant that ran first. */
    public static String roundExportName(int round, int position, String variant) {
        return "round-" + round + "-" + position + "-" + variant + ".json";
    }

    public static String roundExport(String runId, String targetId, String benchmark, int round, int position,
                                     String variant) {
        return roundsPrefix(runId, targetId, benchmark) + roundExportName(round, position, variant);
    }

    /**
     * The noise canary's hyperfine export of one pass: {@code before} or {@code after} the suite. A
     * folder of its own beside the exports, so that its names never meet a benchmark's
     * ({@code raw/canary.json} is a benchmark named canary; round exports are {@code round-…}).
     */
    public static String canaryExport(String runId, String targetId, String pass) {
        return rawPrefix(runId, targetId) + "canary/" + pass + ".json";
    }

    /** What the rounds of a suite with variants decided so far ({@code RoundsRecord}). */
    public static String rounds(String runId, String targetId) {
        return target(runId, targetId) + "rounds.json";
    }

    /** Written by the script when it stopped starting rounds because the time budget was used. */
    public static String roundsStopped(String runId, String targetId) {
        return target(runId, targetId) + "rounds-stopped.txt";
    }

    public static String envPrefix(String runId, String targetId) {
        return target(runId, targetId) + "env/";
    }

    public static String environment(String runId, String targetId) {
        return target(runId, targetId) + "environment.json";
    }

    public static String progress(String runId, String targetId) {
        return target(runId, targetId) + "progress.json";
    }

    public static String logs(String runId, String targetId) {
        return "logs/" + runId + "/" + targetId + "/";
    }

    public static String results(String runId) {
        return run(runId) + "results.json";
    }

    public static String reportMarkdown(String runId) {
        return run(runId) + "report.md";
    }

    public static String reportHtml(String runId) {
        return run(runId) + "report.html";
    }

    /**
     * The prefix {@code principal} may write: {@code inbox/PRINCIPAL/}.
     *
     * @param principal {@code ROLE-ID:INSTANCE-ID} in AWS (the {@code aws:userid} of an instance
     *                  role session), {@code local:INSTANCE-ID} locally
     * @throws IllegalArgumentException when the principal could reach another prefix
     */
    public static String inbox(String principal) {
        if (principal == null || !INBOX_PRINCIPAL.matcher(principal).matches()) {
            throw new IllegalArgumentException("not an inbox principal: '" + principal + "'");
        }
        return "inbox/" + principal + "/";
    }

    /**
     * The task token of the "Wait For Benchmark" task waiting for {@code instanceId}'s command:
     * {@code callbacks/INSTANCE-ID.json}, outside every instance's inbox, so no instance can read it.
     */
    public static String callback(String instanceId) {
        return "callbacks/" + instanceId + ".json";
    }

    /** Pointer to the latest run of {@code suite} in which {@code targetId} succeeded: the next run's baseline. */
    public static String latest(String suite, String targetId) {
        return "suites/" + suite + "/latest/" + targetId + ".json";
    }

    /** Everything the suite's published runs added to its history. */
    public static String history(String suite) {
        return "suites/" + suite + "/history/";
    }

    /** One published run's entries for one target: one object per run, so publishing again adds nothing. */
    public static String historyEntry(String suite, String targetId, String runId) {
        return history(suite) + targetId + "/" + runId + ".json";
    }

    /** The suite's trend page, beside its history. */
    public static String historyHtml(String suite) {
        return "suites/" + suite + "/history.html";
    }
}
