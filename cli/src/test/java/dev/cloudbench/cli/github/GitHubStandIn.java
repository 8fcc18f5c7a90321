package dev.cloudbench.cli.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in of the parts of GitHub's REST API cloudbench calls: issue comments (paged by
 * {@code per_page}/{@code page} with a Link header, as GitHub pages them), editing one, creating one,
 * and commit statuses. It keeps the comments it holds and every request that arrived.
 */
final class GitHubStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMENTS = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
    private static final Pattern COMMENT = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");
    private static final Pattern STATUS = Pattern.compile("/repos/([^/]+/[^/]+)/statuses/([0-9a-f]{40})");

    /** One request as it arrived. */
    record Request(String method, String path, String query, String authorization, String apiVersion, JsonNode body) {
    }

    /** A comment the stand-in holds. */
    record Comment(long id, String author, String body) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final List<Comment> comments = new CopyOnWriteArrayList<>();
    final List<JsonNode> statuses = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private long nextId = 1000;
    /** Answered instead of the real thing, when set: the status code of a refusal. */
    volatile int refuseWith;
    /** Where the Link header's pages point, when set: another host than the stand-in's. */
    volatile String linkBase;

    GitHubStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void hold(String author, String body) {
        comments.add(new Comment(nextId++, author, body));
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        byte[] in = exchange.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : JSON.readTree(in);
        requests.add(new Request(exchange.getRequestMethod(), path, query,
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version"), body));
        if (refuseWith != 0) {
            send(exchange, refuseWith, "{\"message\":\"Resource not accessible by integration\"}", Map.of());
            return;
        }
        Matcher m;
        if ((m = COMMENTS.matcher(path)).matches() && exchange.getRequestMethod().equals("GET")) {
            int perPage = Integer.parseInt(param(query, "per_page", "30"));
            int page = Integer.parseInt(param(query, "page", "1"));
            ArrayNode out = JSON.createArrayNode();
            int from = (page - 1) * perPage;
            for (int i = from; i < Math.min(comments.size(), from + perPage); i++) {
                Comment c = comments.get(i);
                ObjectNode n = out.addObject().put("id", c.id()).put("body", c.body());
                n.putObject("user").put("login", c.author());
            }
            String links = linkBase == null ? url() : linkBase;
            Map<String, String> headers = from + perPage < comments.size()
                    ? Map.of("Link", "<" + links + path + "?per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\", <"
                            + url() + path + "?per_page=" + perPage + "&page=99>; rel=\"last\"")
                    : Map.of();
            send(exchange, 200, out.toString(), headers);
        } else if (m.matches() && exchange.getRequestMethod().equals("POST")) {
            Comment c = new Comment(nextId++, "github-actions[bot]", body.path("body").asText());
            comments.add(c);
            send(exchange, 201, "{\"id\":" + c.id() + "}", Map.of());
        } else if ((m = COMMENT.matcher(path)).matches() && exchange.getRequestMethod().equals("PATCH")) {
            long id = Long.parseLong(m.group(2));
            for (int i = 0; i < comments.size(); i++) {
                if (comments.get(i).id() == id) {
                    comments.set(i, new Comment(id, comments.get(i).author(), body.path("body").asText()));
                    send(exchange, 200, "{\"id\":" + id + "}", Map.of());
                    return;
                }
            }
            send(exchange, 404, "{\"message\":\"Not Found\"}", Map.of());
        } else if (STATUS.matcher(path).matches() && exchange.getRequestMethod().equals("POST")) {
            statuses.add(body);
            send(exchange, 201, "{\"id\":1}", Map.of());
        } else {
            send(exchange, 404, "{\"message\":\"Not Found\"}", Map.of());
        }
    }

    private static String param(String query, String name, String otherwise) {
        if (query != null) {
            for (String kv : query.split("&")) {
                if (kv.startsWith(name + "=")) {
                    return kv.substring(name.length() + 1);
                }
            }
        }
        return otherwise;
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    List<String> calls() {
        List<String> out = new ArrayList<>();
        requests.forEach(r -> out.add(r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query())));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
