package dev.cloudbench.core.validation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Repository URLs and refs may come from a pull request, and they end up in a shell script on
 * the instance. Only a plain https URL and a plain ref name pass; anything that a shell, git's
 * option parser or a path could read as more than a name is refused. Each check returns the
 * reason a value is refused, or empty when it is safe.
 */
public final class GitInputs {
    private static final Pattern URL = Pattern.compile(
            "https://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                    + "(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~+-]+)*/?");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/+-]+");
    private static final int MAX_URL = 2048;
    private static final int MAX_REF = 255;

    private GitInputs() {
    }

    public static Optional<String> urlProblem(String url) {
        if (url == null || url.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("is longer than " + MAX_URL + " characters");
        }
        if (!url.startsWith("https://")) {
            return Optional.of("must be a plain https:// URL");
        }
        if (url.contains("..")) {
            return Optional.of("must not contain '..'");
        }
        if (!URL.matcher(url).matches()) {
            return Optional.of("must be a plain https URL (host and path only: no credentials, query,"
                    + " whitespace, quotes or shell characters)");
        }
        return Optional.empty();
    }

    public static Optional<String> refProblem(String ref) {
        if (ref == null || ref.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (ref.length() > MAX_REF) {
            return Optional.of("is longer than " + MAX_REF + " characters");
        }
        if (ref.startsWith("-")) {
            return Optional.of("must not start with '-'");
        }
        if (ref.contains("..")) {
            return Optional.of("must not contain '..'");
        }
        if (!REF.matcher(ref).matches()) {
            return Optional.of("must be a plain ref name (letters, digits, '.', '_', '-', '+', '/' only)");
        }
        if (ref.startsWith("/") || ref.endsWith("/") || ref.contains("//") || ref.endsWith(".")
                || ref.endsWith(".lock") || ref.contains("/.") || ref.startsWith(".")) {
            return Optional.of("is not a valid git ref name");
        }
        return Optional.empty();
    }
}
