package dev.cloudbench.core.results;

import java.util.List;
import java.util.Map;

/**
 * One measured command in results.json.
 *
 * @param benchmark     the suite's benchmark name
 * @param command       the command as run (parameters substituted)
 * @param parameters    parameter values, empty without parameter lists
 * @param runsRequested the runs the suite asked for; {@code statistics.runs} below it is flagged
 * @param statistics    computed from {@code times}
 * @param times         every raw wall time, seconds, in measurement order
 * @param exitCodes     per run, when hyperfine recorded them
 * @param user          mean user time, seconds, or null
 * @param system        mean system time, seconds, or null
 * @param rawExport     store key of the untouched hyperfine export
 */
public record BenchmarkResult(
        String benchmark,
        String command,
        Map<String, String> parameters,
        int runsRequested,
        Statistics statistics,
        double[] times,
        List<Integer> exitCodes,
        Double user,
        Double system,
        String rawExport) {
}
