package dev.cloudbench.core.stats;

/** What a comparison says, in the order reports list them: regressions first. */
public enum Verdict {
    SLOWER("slower", "▲"),
    UNSTABLE("unstable", "?"),
    FASTER("faster", "▼"),
    NO_SIGNIFICANT_CHANGE("no significant change", "≈");

    private final String label;
    private final String symbol;

    Verdict(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    /** Words for people; reports never rely on colour or symbol alone. */
    public String label() {
        return label;
    }

    /** ▲ more time, ▼ less time, ≈ the same, ? cannot tell. */
    public String symbol() {
        return symbol;
    }
}
