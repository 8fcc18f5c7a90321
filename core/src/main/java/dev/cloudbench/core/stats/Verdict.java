package dev.cloudbench.core.stats;

/** What a comparison says, in the order reports list them: regressions first. */
public enum Verdict {
    SLOWER("slower", "slower", "▲"),
    UNSTABLE("unstable", "unstable", "?"),
    FASTER("faster", "faster", "▼"),
    NO_SIGNIFICANT_CHANGE("no-significant-change", "no significant change", "≈"),
    /** Measured, but on a host the noise canary marked noisy: the comparison says nothing either way. */
    NOT_JUDGED("not-judged", "not judged", "–");

    private final String id;
    private final String label;
    private final String symbol;

    Verdict(String id, String label, String symbol) {
        this.id = id;
        this.label = label;
        this.symbol = symbol;
    }

    /** Stable id, as results.json stores it. */
    public String id() {
        return id;
    }

    /** The verdict with this id, or null for an id this version does not know. */
    public static Verdict byId(String id) {
        for (Verdict v : values()) {
            if (v.id.equals(id)) {
                return v;
            }
        }
        return null;
    }

    /** Words for people; reports never rely on colour or symbol alone. */
    public String label() {
        return label;
    }

    /** ▲ more time, ▼ less time, ≈ the same, ? cannot tell, – not judged. */
    public String symbol() {
        return symbol;
    }
}
