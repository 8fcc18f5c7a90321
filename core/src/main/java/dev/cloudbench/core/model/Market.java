package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cloudbench.core.error.BadInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How an instance is bought. {@link #SPOT_OR_ON_DEMAND} tries spot first, then on-demand. */
public enum Market {
    SPOT("spot"),
    ON_DEMAND("on-demand"),
    SPOT_OR_ON_DEMAND("spot-or-on-demand");

    private final String id;

    Market(String id) {
        this.id = id;
    }

    /** Also its JSON: payloads carry {@code on-demand}, never the constant's name (Jackson reads enums by it too). */
    @JsonValue
    public String id() {
        return id;
    }

    /** @throws BadInputException naming {@code field} when {@code value} is not a known market */
    public static Market parse(String value, String field) {
        for (Market m : values()) {
            if (m.id.equals(value)) {
                return m;
            }
        }
        throw new BadInputException(field + ": unknown market '" + value + "' (expected "
                + Arrays.stream(values()).map(Market::id).collect(Collectors.joining(", ")) + ")");
    }
}
