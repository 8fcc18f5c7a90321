package dev.cloudbench.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.cloudbench.core.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** CPU architectures cloudbench can target, spelled as EC2 spells them. */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

    /** Also its JSON: payloads carry {@code arm64}, never the constant's name (Jackson reads enums by it too). */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * @throws BadInputException naming {@code field} when {@code value} is not a known architecture
     */
    public static Architecture parse(String value, String field) {
        for (Architecture a : values()) {
            if (a.id.equals(value)) {
                return a;
            }
        }
        throw new BadInputException(field + ": unknown architecture '" + value + "' (expected "
                + Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(" or ")) + ")");
    }

    /**
     * The architecture a name means, in any case, as EC2, uname or Debian spell it ({@code aarch64}
     * is arm64, {@code amd64} and {@code x86-64} are x86_64); empty for any other name.
     */
    public static Optional<Architecture> ofName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "aarch64", "arm64" -> Optional.of(ARM64);
            case "amd64", "x86_64", "x86-64" -> Optional.of(X86_64);
            default -> Optional.empty();
        };
    }

    /** The architecture of the JVM's host, as this enum spells it. */
    public static Architecture ofHost() {
        return ofName(System.getProperty("os.arch", "")).orElse(X86_64);
    }
}
