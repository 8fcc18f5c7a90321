package dev.cloudbench.deploy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Evaluates identity-based (and trust) policy statements the way IAM documents it for one account:
 * an explicit Deny wins, else any matching Allow allows, else the request is implicitly denied.
 * Statements are already resolved ({@link TestStack}): every ARN is concrete text.
 *
 * <p>What it knows: Action/NotAction (case-insensitive wildcards), Resource/NotResource
 * (case-sensitive wildcards, policy variables such as {@code ${aws:userid}}), Principal (for trust
 * policies) and the condition operators in {@link Conditions}. What it does not model: SCPs,
 * permission boundaries, session policies, resource policies of other accounts.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */
public final class PolicyEvaluator {
    /** The outcome of one request. */
    public enum Decision { ALLOWED, EXPLICITLY_DENIED, IMPLICITLY_DENIED }

    private final List<JsonNode> statements;

    public PolicyEvaluator(List<JsonNode> statements) {
        this.statements = List.copyOf(statements);
    }

    public Decision evaluate(Request request) {
        boolean allowed = false;
        for (JsonNode s : statements) {
            if (!applies(s, request)) {
                continue;
            }
            if ("Deny".equals(s.path("Effect").asText())) {
                return Decision.EXPLICITLY_DENIED;
            }
            allowed |= "Allow".equals(s.path("Effect").asText());
        }
        return allowed ? Decision.ALLOWED : Decision.IMPLICITLY_DENIED;
    }

    public boolean allows(Request request) {
        return evaluate(request) == Decision.ALLOWED;
    }

    private static boolean applies(JsonNode s, Request request) {
        if (s.has("Action") == s.has("NotAction") || s.has("Resource") && s.has("NotResource")) {
            throw new IllegalArgumentException("a statement has exactly one of Action/NotAction, at most one of "
                    + "Resource/NotResource: " + s);
        }
        boolean action = s.has("Action") ? anyAction(s.path("Action"), request.action())
                : !anyAction(s.path("NotAction"), request.action());
        if (!action) {
            return false;
        }
        if (s.has("Resource") && !anyResource(s.path("Resource"), request)) {
            return false;
        }
        if (s.has("NotResource") && anyResource(s.path("NotResource"), request)) {
            return false;
        }
        if (s.has("Principal") && !principal(s.path("Principal"), request)) {
            return false;
        }
        return Conditions.hold(s.path("Condition"), request.context());
    }

    private static boolean anyAction(JsonNode patterns, String action) {
        for (String p : strings(patterns)) {
            if (glob(p.toLowerCase(Locale.ROOT), Map.of()).map(r -> r.matcher(action.toLowerCase(Locale.ROOT))
                    .matches()).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyResource(JsonNode patterns, Request request) {
        for (String p : strings(patterns)) {
            if (glob(p, request.context()).map(r -> r.matcher(request.resource()).matches()).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean principal(JsonNode principal, Request request) {
        if (principal.isTextual()) {
            return "*".equals(principal.asText());
        }
        for (Map.Entry<String, String> p : request.principal().entrySet()) {
            if (strings(principal.path(p.getKey())).contains(p.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** A string or an array of strings. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    /**
     * A policy pattern as a regular expression: {@code *} any run of characters, {@code ?} one,
     * {@code ${key}} the request's value of that key, {@code ${*}}, {@code ${?}}, {@code ${$}} the
     * literal characters. Empty when the request lacks a key the pattern names: IAM then treats
     * the pattern as not matching.
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
     */
    static Optional<Pattern> glob(String pattern, Map<String, List<String>> context) {
        return render(pattern, context, true).map(r -> Pattern.compile(r, Pattern.DOTALL));
    }

    /** A condition value with its policy variables replaced, wildcards kept as plain characters. */
    static Optional<String> substitute(String value, Map<String, List<String>> context) {
        return render(value, context, false);
    }

    private static Optional<String> render(String pattern, Map<String, List<String>> context, boolean regex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            String text;
            if (c == '$' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                int end = pattern.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed policy variable in " + pattern);
                }
                String key = pattern.substring(i + 2, end);
                if (key.equals("*") || key.equals("?") || key.equals("$")) {
                    text = key;
                } else {
                    List<String> values = context.get(key.toLowerCase(Locale.ROOT));
                    if (values == null || values.size() != 1) {
                        return Optional.empty();
                    }
                    text = values.get(0);
                }
                i = end;
            } else if (regex && c == '*') {
                out.append(".*");
                continue;
            } else if (regex && c == '?') {
                out.append('.');
                continue;
            } else {
                text = String.valueOf(c);
            }
            out.append(regex ? Pattern.quote(text) : text);
        }
        return Optional.of(out.toString());
    }
}
