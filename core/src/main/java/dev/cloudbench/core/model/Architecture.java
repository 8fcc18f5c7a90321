package dev.cloudbench.core.model;

import dev.cloudbench.core.error.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** CPU architectures cloudbench can target, spelled as EC2 spells them. */
public enum Architecture {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String id;

    Architecture(String id) {
        this.id = id;
    }

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

    /** The architecture of the JVM's host, as this enum spells it. */
    public static Architecture ofHost() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? ARM64 : X86_64;
    }
}
