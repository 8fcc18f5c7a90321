package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark of a suite: a shell command timed by hyperfine.
 *
 * @param name           unique within the suite; letters, digits, '.', '_', '-' (it names files)
 * @param command        the suite author's own shell command, run by hyperfine as written
 * @param parameters     optional hyperfine parameter lists ({@code --parameter-list NAME V1,V2}):
 *                       the command may use {@code {NAME}}; one result per combination
 * @param warmup         overrides the suite's warmup for this benchmark
 * @param runs           overrides the suite's runs for this benchmark
 * @param timeoutSeconds optional limit for this benchmark alone
 * @param metrics        overrides the suite's metrics for this benchmark ({@link Metric#id()}s)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Benchmark(
        String name,
        String command,
        Map<String, List<String>> parameters,
        Integer warmup,
        Integer runs,
        Integer timeoutSeconds,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> metrics) {

    public Benchmark {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
        metrics = metrics == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(metrics));
    }

    /** A benchmark measured by the suite's metrics. */
    public Benchmark(String name, String command, Map<String, List<String>> parameters, Integer warmup, Integer runs,
                     Integer timeoutSeconds) {
        this(name, command, parameters, warmup, runs, timeoutSeconds, null);
    }

    public static Benchmark of(String name, String command) {
        return new Benchmark(name, command, null, null, null, null);
    }
}
