package dev.cloudbench.core.layout;

/**
 * The keys of a run in the result store — the same under S3 and under a local directory:
 * <pre>
 * runs/RUN/request.json
 * runs/RUN/targets/TARGET/raw/BENCHMARK.json     hyperfine exports, untouched
 * runs/RUN/targets/TARGET/env/*.txt              what the instance reported about itself
 * runs/RUN/targets/TARGET/environment.json
 * runs/RUN/targets/TARGET/progress.json          the script's last progress line
 * runs/RUN/targets/TARGET/logs/                  stdout and stderr of the script
 * runs/RUN/results.json, report.md, report.html
 * suites/SUITE/latest/TARGET.json                the latest run in which the target succeeded
 * </pre>
 */
public final class StoreLayout {
    private StoreLayout() {
    }

    public static String run(String runId) {
        return "runs/" + runId + "/";
    }

    public static String request(String runId) {
        return run(runId) + "request.json";
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
        return target(runId, targetId) + "logs/";
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

    /** Pointer to the latest run of {@code suite} in which {@code targetId} succeeded: the next run's baseline. */
    public static String latest(String suite, String targetId) {
        return "suites/" + suite + "/latest/" + targetId + ".json";
    }
}
