package dev.cloudbench.cli.engine;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloudbench.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) on loopback,
 * routing each call to a handler in this process. Errors are answered as Lambda answers an
 * unhandled exception: status 200, {@code X-Amz-Function-Error: Unhandled}, and a body of
 * {@code {errorType, errorMessage, stackTrace}} whose type is the exception's class name.
 */
public final class InvokeServer implements AutoCloseable {
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, RequestStreamHandler> handlers;
    private final Consumer<Throwable> onError;

    /**
     * @param handlers by function name
     * @param onError  sees every exception a handler throws (for --verbose stack traces)
     */
    public InvokeServer(Map<String, RequestStreamHandler> handlers, Consumer<Throwable> onError) throws IOException {
        this.handlers = Map.copyOf(handlers);
        this.onError = onError;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-invoke");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The endpoint to give the engine as {@code AWS_ENDPOINT_URL_LAMBDA}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The function name in an Invoke path: a name, a full ARN, or either with a qualifier. */
    static String functionName(String encoded) {
        String name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        int function = name.indexOf(":function:");
        if (function >= 0) {
            name = name.substring(function + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith(SUFFIX)) {
                error(exchange, 404, "UnknownOperationException", "only Invoke is served here");
                return;
            }
            String name = functionName(path.substring(PREFIX.length(), path.length() - SUFFIX.length()));
            RequestStreamHandler handler = handlers.get(name);
            if (handler == null) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
                return;
            }
            byte[] payload = exchange.getRequestBody().readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] body;
            boolean failed = false;
            try {
                handler.handleRequest(new ByteArrayInputStream(payload), out, new LocalContext(name));
                body = out.toByteArray();
            } catch (Exception | Error e) {
                onError.accept(e);
                failed = true;
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("errorType", e instanceof ErrorTyped typed ? typed.errorType() : e.getClass().getName());
                err.put("errorMessage", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                err.put("stackTrace", List.of());
                body = Json.write(err).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            if (failed) {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        byte[] body = Json.write(Map.of("Type", "User", "message", message)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
