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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) on loopback,
 * routing each call to a handler in this process. Errors are answered as Lambda answers an
 * unhandled exception: status 200, {@code X-Amz-Function-Error: Unhandled}, and a body of
 * {@code {errorType, errorMessage, stackTrace}} whose type is the exception's class name.
 *
 * <p>It serves its own engine only. Any local process, or a web page that finds the port, could
 * otherwise invoke Start Benchmark with a script of its own. So every request must carry
 * <ul>
 *   <li>the per-run secret as the first path segment: the engine is given the endpoint with it
 *       ({@link #endpoint()}), and its SDK keeps an endpoint's path in front of every operation's;</li>
 *   <li>a {@code Host} of {@code 127.0.0.1:PORT} or {@code localhost:PORT} (a DNS-rebinding page
 *       sends its own host name), and no {@code Origin} (browsers send one; the SDK never does);</li>
 *   <li>a JSON body sent as {@code application/json} or as {@code application/octet-stream}, the
 *       type the AWS SDKs give Invoke's payload. Neither is a type a page may send cross-origin
 *       without a CORS preflight, which is never answered here: form, multipart and text bodies
 *       are refused.</li>
 * </ul>
 * Anything else is answered 403 before any handler runs.
 *
 * <p>Besides Invoke it serves the engine's wait for a callback task's answer ({@link TaskTokens}):
 * the engine lacks {@code .waitForTaskToken}, so its runner invokes the task's function and then
 * waits here, under the same secret, until the local executions port answers the token.
 */
public final class InvokeServer implements AutoCloseable {
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String SUFFIX = "/invocations";
    /** Where the runner waits for a callback task's answer: {@code POST .../local/task-tokens/{token}}. */
    private static final String TASK_TOKENS = "/local/task-tokens/";
    /** The longest the runner's wait request is held before it asks again. */
    private static final long MAX_WAIT_MILLIS = 20_000;
    /** application/octet-stream is what the AWS SDKs send Invoke's payload as; the body must still be JSON. */
    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/octet-stream");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, RequestStreamHandler> handlers;
    private final TaskTokens tokens;
    private final Consumer<Throwable> onError;
    private final String secret;

    /**
     * @param handlers by function name
     * @param onError  sees every exception a handler throws (for --verbose stack traces)
     */
    public InvokeServer(Map<String, RequestStreamHandler> handlers, Consumer<Throwable> onError) throws IOException {
        this(handlers, new TaskTokens(), onError);
    }

    /**
     * @param handlers by function name
     * @param tokens   the callback tasks' tokens, which the engine waits on here
     * @param onError  sees every exception a handler throws (for --verbose stack traces)
     */
    public InvokeServer(Map<String, RequestStreamHandler> handlers, TaskTokens tokens, Consumer<Throwable> onError)
            throws IOException {
        this.handlers = Map.copyOf(handlers);
        this.tokens = tokens;
        this.onError = onError;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-invoke");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint to give the engine as {@code AWS_ENDPOINT_URL_LAMBDA}: it holds the per-run secret. */
    public URI endpoint() {
        return URI.create(origin() + "/" + secret);
    }

    /** Where this server listens, without the secret. */
    public URI origin() {
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
            String refusal = refusal(exchange);
            if (refusal != null) {
                error(exchange, 403, "AccessDeniedException", refusal);
                return;
            }
            String path = exchange.getRequestURI().getRawPath().substring(secret.length() + 1);
            if ("POST".equals(exchange.getRequestMethod()) && path.startsWith(TASK_TOKENS)
                    && path.length() > TASK_TOKENS.length()) {
                awaitToken(exchange, URLDecoder.decode(path.substring(TASK_TOKENS.length()), StandardCharsets.UTF_8));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                    || path.length() <= PREFIX.length() + SUFFIX.length()) {
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
            if (!isJson(payload)) {
                error(exchange, 403, "AccessDeniedException", "only JSON bodies are served here");
                return;
            }
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

    /**
     * The engine's wait for a callback task: {@code {"waitMillis": N}} in, {@code {"state":
     * "SUCCEEDED", "output": "..."}} or {@code {"state": "WAITING"}} out, after at most N ms.
     */
    private void awaitToken(HttpExchange exchange, String token) throws IOException {
        byte[] payload = exchange.getRequestBody().readAllBytes();
        long millis;
        try {
            millis = Math.max(0, Math.min(MAX_WAIT_MILLIS,
                    Json.payload().readTree(payload).path("waitMillis").asLong(MAX_WAIT_MILLIS)));
        } catch (IOException e) {
            error(exchange, 400, "InvalidRequestContentException", "the body must be JSON");
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            tokens.await(token, millis).ifPresentOrElse(output -> {
                answer.put("state", "SUCCEEDED");
                answer.put("output", output);
            }, () -> answer.put("state", "WAITING"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.put("state", "WAITING");
        }
        byte[] body = Json.write(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    /** Why a request is not from this server's engine, or null when it is. */
    private String refusal(HttpExchange exchange) {
        int port = server.getAddress().getPort();
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !(host.equals("127.0.0.1:" + port) || host.equalsIgnoreCase("localhost:" + port))) {
            return "Host must be 127.0.0.1:" + port;
        }
        if (exchange.getRequestHeaders().containsKey("Origin")) {
            return "requests from web pages are not served here";
        }
        String path = exchange.getRequestURI().getRawPath();
        int end = path.indexOf('/', 1);
        byte[] given = (end > 0 ? path.substring(1, end) : "").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret.getBytes(StandardCharsets.UTF_8))) {
            return "this endpoint serves only the engine of its own run";
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!JSON_TYPES.contains(media)) {
            return "only JSON bodies are served here (Content-Type " + (type == null ? "missing" : type) + ")";
        }
        return null;
    }

    private static boolean isJson(byte[] payload) {
        try {
            var document = Json.payload().readTree(payload);
            return document != null && !document.isMissingNode();
        } catch (IOException e) {
            return false;
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
