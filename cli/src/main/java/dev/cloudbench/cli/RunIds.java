package dev.cloudbench.cli;

import dev.cloudbench.functions.RunIdSuffix;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids the CLI gives new runs, local and cloud alike. */
public final class RunIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Room for "-" + time + "-" + suffix within the 64 characters of a safe name. */
    private static final int MAX_SUITE_PART = 64 - 1 - 16 - 1 - 4;

    private RunIds() {
    }

    /** The suite's name (shortened when long), the time in UTC and a random suffix: quickstart-20260101T120000Z-k3x9. */
    public static String generate(String suite, Instant now) {
        String head = suite.length() > MAX_SUITE_PART ? suite.substring(0, MAX_SUITE_PART) : suite;
        return head + "-" + TIME.format(now) + "-" + RunIdSuffix.random();
    }
}
