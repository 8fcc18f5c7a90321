package dev.cloudbench.functions.aws;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S3 on the wire for one bucket: REST paths ({@code /BUCKET/KEY}, path-style), XML answers and
 * errors as the S3 API reference shows them. Supports what the adapters use: PutObject (with
 * {@code If-None-Match: *}), GetObject (with a suffix {@code Range}), ListObjectsV2 with pages.
 */
public final class S3StandIn implements AutoCloseable {
    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";

    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    /** Keys per ListObjectsV2 page. */
    int pageSize = 1000;
    /**
     * Who may do what, as IAM would decide: the access key id of the request's SigV4 credential (null
     * when unsigned), the method and the key. Everything is allowed unless a test says otherwise.
     */
    public volatile Policy policy = (accessKeyId, method, key) -> true;
    /** One line per request the policy refused. */
    public final List<String> denied = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An access decision. */
    @FunctionalInterface
    public interface Policy {
        boolean allows(String accessKeyId, String method, String key);
    }

    private final String bucket;
    private final StandIn server = new StandIn(this::reply);

    public S3StandIn(String bucket) {
        this.bucket = bucket;
    }

    public StandIn server() {
        return server;
    }

    public String text(String key) {
        return new String(objects.get(key), StandardCharsets.UTF_8);
    }

    List<StandIn.Request> requests(String method) {
        return server.requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    private StandIn.Reply reply(StandIn.Request r) {
        String prefix = "/" + bucket;
        if (!r.path().startsWith(prefix)) {
            return error(404, "NoSuchBucket", "The specified bucket does not exist", "");
        }
        String key = r.path().length() <= prefix.length() + 1 ? "" : r.path().substring(prefix.length() + 1);
        String accessKeyId = accessKeyId(r.header("Authorization"));
        if (!policy.allows(accessKeyId, r.method(), key)) {
            denied.add(r.method() + " " + key + " by " + accessKeyId);
            return error(403, "AccessDenied", "Access Denied", key);
        }
        if (key.isEmpty() && r.method().equals("GET")) {
            return list(r.queryParameters());
        }
        return switch (r.method()) {
            case "PUT" -> put(r, key);
            case "GET" -> get(r, key);
            default -> error(405, "MethodNotAllowed", "The specified method is not allowed", key);
        };
    }

    private StandIn.Reply put(StandIn.Request r, String key) {
        if ("*".equals(r.header("If-None-Match")) && objects.containsKey(key)) {
            return error(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold",
                    key);
        }
        objects.put(key, r.body());
        return new StandIn.Reply(200, "application/xml", new byte[0], Map.of("ETag", "\"" + key.hashCode() + "\""));
    }

    private StandIn.Reply get(StandIn.Request r, String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            return error(404, "NoSuchKey", "The specified key does not exist.", key);
        }
        String range = r.header("Range");
        if (range != null && range.startsWith("bytes=-")) {
            int n = Integer.parseInt(range.substring("bytes=-".length()));
            if (content.length == 0) {
                return error(416, "InvalidRange", "The requested range is not satisfiable", key);
            }
            int from = Math.max(0, content.length - n);
            return new StandIn.Reply(206, "text/plain", Arrays.copyOfRange(content, from, content.length),
                    Map.of("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length));
        }
        return new StandIn.Reply(200, "application/octet-stream", content, Map.of("ETag", "\"" + key.hashCode() + "\""));
    }

    private StandIn.Reply list(Map<String, String> q) {
        String prefix = q.getOrDefault("prefix", "");
        boolean urlEncoded = "url".equals(q.get("encoding-type"));
        List<String> keys = new ArrayList<>(new TreeMap<>(objects).keySet().stream()
                .filter(k -> k.startsWith(prefix)).toList());
        int start = q.containsKey("continuation-token") ? Integer.parseInt(q.get("continuation-token")) : 0;
        int end = Math.min(keys.size(), start + pageSize);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"")
                .append(NS).append("\"><Name>").append(bucket).append("</Name><Prefix>").append(encode(prefix, urlEncoded))
                .append("</Prefix><KeyCount>").append(end - start).append("</KeyCount><MaxKeys>").append(pageSize)
                .append("</MaxKeys>").append(urlEncoded ? "<EncodingType>url</EncodingType>" : "")
                .append("<IsTruncated>").append(end < keys.size()).append("</IsTruncated>");
        for (String k : keys.subList(start, end)) {
            xml.append("<Contents><Key>").append(encode(k, urlEncoded)).append("</Key><LastModified>")
                    .append("2026-01-01T00:00:00.000Z</LastModified><ETag>\"x\"</ETag><Size>")
                    .append(objects.get(k).length).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        if (end < keys.size()) {
            xml.append("<NextContinuationToken>").append(end).append("</NextContinuationToken>");
        }
        xml.append("</ListBucketResult>");
        return StandIn.Reply.of(200, "application/xml", xml.toString());
    }

    private static String encode(String s, boolean url) {
        String e = url ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2F", "/") : s;
        return e.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** The access key id of {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/s3/aws4_request, ...}. */
    private static String accessKeyId(String authorization) {
        if (authorization == null) {
            return null;
        }
        int at = authorization.indexOf("Credential=");
        if (at < 0) {
            return null;
        }
        int end = authorization.indexOf('/', at);
        return end < 0 ? null : authorization.substring(at + "Credential=".length(), end);
    }

    private static StandIn.Reply error(int status, String code, String message, String key) {
        return StandIn.Reply.of(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + code + "</Code><Message>" + message + "</Message><Key>" + key + "</Key>"
                + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>example</HostId></Error>");
    }

    @Override
    public void close() {
        server.close();
    }
}
