package dev.cloudbench.core.runid;

import java.security.SecureRandom;

/** The random tail of generated run ids ({@code suite-20260301T120000Z-a1b2}), for local and AWS runs alike. */
public final class RunIdSuffix {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** Replaced after a SnapStart restore, so that restored copies never share a generator's state. */
    private static volatile SecureRandom random = new SecureRandom();

    private RunIdSuffix() {
    }

    /** Four random lower-case letters and digits. */
    public static String random() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** A new generator, seeded afresh when first used; called after every SnapStart restore. */
    public static void renew() {
        random = new SecureRandom();
    }

    /** The generator in use, for a test that a restore replaced it. */
    public static SecureRandom generator() {
        return random;
    }
}
