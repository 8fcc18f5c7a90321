package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One named variant of a suite's benchmarks: the same commands, measured in the same rounds as the
 * suite's other variants, from another checkout and/or with other environment variables.
 *
 * @param name unique within the suite; letters, digits, '.', '_', '-' (it names files)
 * @param ref  optional git ref of the suite's repository, checked out for this variant alone and
 *             prepared with the suite's setup; validated like the repository's own ref
 * @param env  optional environment variables set for this variant's benchmarks (and its setup, when
 *             it has a checkout of its own); names {@code [A-Za-z_][A-Za-z0-9_]*}, values one line
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Variant(String name, String ref, Map<String, String> env) {

    public Variant {
        env = env == null ? Map.of() : new LinkedHashMap<>(env);
    }

    public static Variant named(String name) {
        return new Variant(name, null, null);
    }

    /** True when this variant is built in a checkout of its own. */
    public boolean hasOwnCheckout() {
        return ref != null;
    }
}
