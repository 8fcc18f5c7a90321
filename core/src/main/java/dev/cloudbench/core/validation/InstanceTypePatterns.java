package dev.cloudbench.core.validation;

import java.util.List;

/**
 * The deployment's allowed instance types ({@code AllowedInstanceTypes}) as IAM reads them in a
 * {@code StringLike} condition on {@code ec2:InstanceType}: {@code *} matches any run of
 * characters, {@code ?} exactly one, everything else itself, case-sensitively. Validation matches
 * the same way, so a run validation lets through is never refused by IAM at launch.
 */
public final class InstanceTypePatterns {
    private final List<String> patterns;

    public InstanceTypePatterns(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public List<String> patterns() {
        return patterns;
    }

    public boolean allows(String instanceType) {
        return patterns.stream().anyMatch(p -> matches(p, 0, instanceType, 0));
    }

    static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = t; rest <= text.length(); rest++) {
                    if (matches(pattern, p + 1, text, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
