package dev.cloudbench.core.report.chart;

import dev.cloudbench.core.stats.Verdict;

/**
 * Chart colours: the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies. Charts also label every series in text, so colour is never the only cue.
 */
public final class Palette {
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
        "#000000", "#F0E442"};
    /** Baselines are drawn in grey beside the colour of their target. */
    public static final String BASELINE = "#8C8C8C";

    private Palette() {
    }

    /** The ink of a verdict, the same as its table cell's: dark enough for text on white (WCAG AA). */
    public static String verdict(Verdict v) {
        return switch (v) {
            case SLOWER -> "#a63a00";
            case FASTER -> "#00704f";
            case UNSTABLE -> "#7a5300";
            case NO_SIGNIFICANT_CHANGE, NOT_JUDGED -> "#4d4d4d";
        };
    }

    public static String colour(int index) {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }
}
