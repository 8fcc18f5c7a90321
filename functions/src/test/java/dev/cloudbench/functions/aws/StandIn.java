package dev.cloudbench.functions.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local HTTP server standing in for an AWS service: it records every request that arrives and
 * answers with what the test's responder says, in the service's own wire format.
 */
public final class StandIn implements AutoCloseable {
    static {
        // Without it, Nagle and delayed ACKs add ~40 ms to every exchange on loopback.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as it arrived. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Form-encoded parameters of the body (EC2 query) or of the query string. */
        public Map<String, String> form() {
            return decode(text());
        }

        public Map<String, String> queryParameters() {
            return decode(query == null ? "" : query);
        }

        private static Map<String, String> decode(String encoded) {
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            }
            return params;
        }
    }

    /** An answer: status, content type, body and extra headers. */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Function<Request, Reply> responder;

    public StandIn(Function<Request, Reply> responder) {
        this.responder = responder;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = AwsChunked.decode(exchange.getRequestHeaders().getFirst("Content-Encoding"),
                    exchange.getRequestBody().readAllBytes());
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
            synchronized (this) {
                requests.add(request);
            }
            Reply reply;
            try {
                reply = responder.apply(request);
            } catch (RuntimeException e) {
                reply = Reply.of(599, "text/plain", "stand-in failed: " + e);
            }
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = "HEAD".equals(request.method());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 || head ? -1 : reply.body().length);
            if (!head && reply.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
