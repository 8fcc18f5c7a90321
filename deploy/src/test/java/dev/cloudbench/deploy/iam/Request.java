package dev.cloudbench.deploy.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authorization IAM makes: an action on a resource ARN, with the request context's keys
 * (lower-cased: IAM compares key names case-insensitively; multi-valued keys such as
 * {@code aws:TagKeys} as lists) and, for trust policies, the calling principal.
 */
public record Request(String action, String resource, Map<String, List<String>> context, Map<String, String> principal) {
    public Request {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        context.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        context = Map.copyOf(lower);
        principal = Map.copyOf(principal);
    }

    public static Request of(String action, String resource) {
        return new Request(action, resource, Map.of(), Map.of());
    }

    /** The same request with {@code key} set to {@code values} in its context. */
    public Request with(String key, String... values) {
        Map<String, List<String>> next = new LinkedHashMap<>(context);
        next.put(key.toLowerCase(Locale.ROOT), List.of(values));
        return new Request(action, resource, next, principal);
    }

    /** The same request with each of {@code tags} as aws:RequestTag/<key>, and aws:TagKeys listing them. */
    public Request withRequestTags(Map<String, String> tags) {
        Request r = this;
        for (Map.Entry<String, String> t : tags.entrySet()) {
            r = r.with("aws:RequestTag/" + t.getKey(), t.getValue());
        }
        return r.with("aws:TagKeys", tags.keySet().toArray(String[]::new));
    }

    /** The same request made by {@code type} (AWS, Service, Federated) {@code value}. */
    public Request by(String type, String value) {
        return new Request(action, resource, context, Map.of(type, value));
    }

    @Override
    public String toString() {
        return action + " on " + resource + (context.isEmpty() ? "" : " " + context)
                + (principal.isEmpty() ? "" : " by " + principal);
    }
}
