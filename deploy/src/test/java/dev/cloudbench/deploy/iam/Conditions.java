package dev.cloudbench.deploy.iam;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * A statement's Condition block: every operator, every key in it must hold (AND); a key holds when
 * the request's value matches any of the listed values (OR). Operators: StringEquals,
 * StringNotEquals, StringEqualsIgnoreCase, StringLike, StringNotLike, ArnEquals, ArnLike,
 * ArnNotEquals, ArnNotLike, Bool, Null; the {@code IfExists} suffix; the {@code ForAllValues:} and
 * {@code ForAnyValue:} set prefixes. An unknown operator fails the test rather than being guessed.
 *
 * <p>A key missing from the request: a positive operator is false, a negated one
 * (StringNotEquals, ArnNotLike, ...) true, {@code IfExists} true, {@code ForAllValues} true,
 * {@code ForAnyValue} false.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 */
final class Conditions {
    private static final Set<String> NEGATED = Set.of("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike",
            "ArnNotEquals", "ArnNotLike");

    private Conditions() {
    }

    static boolean hold(JsonNode condition, Map<String, List<String>> context) {
        if (condition.isMissingNode() || condition.isNull()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> operator : (Iterable<Map.Entry<String, JsonNode>>) condition::fields) {
            for (Map.Entry<String, JsonNode> key : (Iterable<Map.Entry<String, JsonNode>>) operator.getValue()::fields) {
                List<String> values = PolicyEvaluator.strings(key.getValue());
                if (!holds(operator.getKey(), key.getKey(), values, context)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, String key, List<String> expected, Map<String, List<String>> context) {
        String op = operator;
        String set = "";
        if (op.startsWith("ForAllValues:") || op.startsWith("ForAnyValue:")) {
            set = op.substring(0, op.indexOf(':'));
            op = op.substring(op.indexOf(':') + 1);
        }
        boolean ifExists = op.endsWith("IfExists");
        if (ifExists) {
            op = op.substring(0, op.length() - "IfExists".length());
        }
        List<String> actual = context.get(key.toLowerCase(Locale.ROOT));
        if (op.equals("Null")) {
            boolean absent = actual == null || actual.isEmpty();
            return expected.stream().anyMatch(v -> Boolean.parseBoolean(v) == absent);
        }
        boolean negated = NEGATED.contains(op);
        BiPredicate<String, String> match = comparator(negated ? positive(op) : op, context);
        if (actual == null || actual.isEmpty()) {
            return ifExists || set.equals("ForAllValues") || (set.isEmpty() && negated);
        }
        java.util.function.Predicate<String> one = a -> negated
                ? expected.stream().noneMatch(v -> match.test(a, v))
                : expected.stream().anyMatch(v -> match.test(a, v));
        return set.equals("ForAllValues") ? actual.stream().allMatch(one) : actual.stream().anyMatch(one);
    }

    private static String positive(String negated) {
        return negated.replace("Not", "");
    }

    private static BiPredicate<String, String> comparator(String op, Map<String, List<String>> context) {
        return switch (op) {
            case "StringEquals" -> (a, v) -> PolicyEvaluator.substitute(v, context).map(a::equals).orElse(false);
            case "StringEqualsIgnoreCase" -> (a, v) -> PolicyEvaluator.substitute(v, context).map(a::equalsIgnoreCase).orElse(false);
            case "StringLike" -> (a, v) -> matches(v, a, context);
            case "ArnEquals", "ArnLike" -> (a, v) -> arnLike(v, a, context);
            case "Bool" -> (a, v) -> a.equalsIgnoreCase(v);
            default -> throw new IllegalArgumentException("condition operator this evaluator does not know: " + op);
        };
    }

    private static boolean matches(String pattern, String actual, Map<String, List<String>> context) {
        return PolicyEvaluator.glob(pattern, context).map(p -> p.matcher(actual).matches()).orElse(false);
    }

    /** ArnLike: each of the six colon-separated parts matched on its own (a wildcard never spans a colon). */
    private static boolean arnLike(String pattern, String actual, Map<String, List<String>> context) {
        String[] p = pattern.split(":", 6);
        String[] a = actual.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            Optional<Pattern> part = PolicyEvaluator.glob(p[i], context);
            if (part.isEmpty() || !part.get().matcher(a[i]).matches()) {
                return false;
            }
        }
        return true;
    }
}
