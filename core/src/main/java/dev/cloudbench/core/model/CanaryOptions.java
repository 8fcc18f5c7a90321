package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The suite's {@code canary} field: whether every instance runs the noise canary before and after
 * the suite, and whether an instance the canary marks a noisy host is left out of verdicts. A suite
 * writes {@code "canary": false} (off), {@code "canary": true} (the default), or an object:
 * {@code {"excludeNoisy": false}} keeps noisy hosts in verdicts; {@code {"enabled": false}} is the
 * long form of {@code false}. Absent fields take the defaults: on, noisy hosts left out.
 *
 * <p>Read from a boolean or an object; anything else is refused while the suite is read, with a
 * one-line message naming the field. Written back as the object, which reads back the same.
 *
 * @param enabled      false: no canary runs (default true)
 * @param excludeNoisy false: a noisy host's verdicts stand and it stays in comparisons across
 *                     targets; it is still marked (default true)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CanaryOptions(Boolean enabled, Boolean excludeNoisy) {
    public static final String ENABLED = "enabled";
    public static final String EXCLUDE_NOISY = "excludeNoisy";
    /** What a suite without the field gets. */
    public static final CanaryOptions DEFAULT = new CanaryOptions(null, null);

    /**
     * {@code true}, {@code false} or {@code {"enabled": B, "excludeNoisy": B}}.
     *
     * @throws IllegalArgumentException anything else, with the message the suite's reader reports
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CanaryOptions read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return new CanaryOptions(node.booleanValue(), null);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("must be true, false or an object like {\"" + EXCLUDE_NOISY
                    + "\": false}, was " + node);
        }
        Boolean enabled = null;
        Boolean exclude = null;
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getValue().isBoolean()) {
                throw new IllegalArgumentException(f.getKey() + " must be true or false, was " + f.getValue());
            }
            switch (f.getKey()) {
                case ENABLED -> enabled = f.getValue().booleanValue();
                case EXCLUDE_NOISY -> exclude = f.getValue().booleanValue();
                default -> throw new IllegalArgumentException("unknown field '" + f.getKey() + "' (known: " + ENABLED
                        + ", " + EXCLUDE_NOISY + ")");
            }
        }
        return new CanaryOptions(enabled, exclude);
    }

    /** True unless the suite turned the canary off. */
    public boolean on() {
        return enabled == null || enabled;
    }

    /** True when a noisy host is left out of verdicts: the canary runs and the suite did not keep them. */
    public boolean excludesNoisy() {
        return on() && (excludeNoisy == null || excludeNoisy);
    }
}
