package dev.cloudbench.core.runid;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/**
 * The ids of new runs, whoever starts them (Plan Run, {@code cloudbench run}, {@code cloudbench
 * local}): the suite's name, shortened when long, the time in UTC and a suffix, e.g.
 * {@code quickstart-20260101T120000Z-k3x9}. The suffix comes from outside ({@link RunIdSuffix#random}
 * in production) so that tests get stable ids.
 */
public final class RunIds {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Room for "-" + time + "-" + a four-character suffix within the 64 characters of a safe name. */
    private static final int MAX_SUITE_PART = 64 - 1 - 16 - 1 - 4;

    private final Supplier<String> suffix;

    /** @param suffix a few characters that make ids generated in the same second unique */
    public RunIds(Supplier<String> suffix) {
        this.suffix = suffix;
    }

    public String generate(String suite, Instant now) {
        String head = suite.length() > MAX_SUITE_PART ? suite.substring(0, MAX_SUITE_PART) : suite;
        return head + "-" + TIME.format(now) + "-" + suffix.get();
    }
}
