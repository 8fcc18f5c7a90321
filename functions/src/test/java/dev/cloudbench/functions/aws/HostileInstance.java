package dev.cloudbench.functions.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.port.FleetPort;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.port.RemoteShellPort;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.script.BenchmarkScript;
import dev.cloudbench.core.script.ScriptOutput;
import dev.cloudbench.core.service.BenchmarkService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark instance, as far as the boundary goes, run by {@link HostileSuiteTest} inside a
 * network and mount namespace of its own (so its firewall rules, its metadata address and its
 * {@code /etc} are the namespace's, never the host's): an instance metadata stand-in on
 * 169.254.169.254:80 that hands out the instance role's credentials, an S3 stand-in that allows
 * that role only {@code PutObject} on its inbox, the real AWS-path lines ({@link SsmShell#commands})
 * running the real generated script of a hostile suite as root, then the Lambda side's copy of the
 * inbox. Writes what happened under the directory it is given:
 * {@code seeded.json} and {@code bucket.json} (every object before and after, base64), {@code denied.txt}, {@code iptables.txt},
 * {@code stdout.txt}, {@code stderr.txt}, {@code exit.txt}.
 */
public final class HostileInstance {
    static final String RUN = "hostile-20260301T120000Z-a1b2";
    static final String TARGET = "c7g.large-arm64";
    static final String OTHER_TARGET = "c7i.large-x86_64";
    static final String INSTANCE = "i-0hostile0123456789";
    static final String ROLE = "cb-test-instance-role";
    /** What IMDS hands out: the instance role's credentials; none of it may reach a result. */
    static final String ACCESS_KEY = "ASIAINSTANCEROLEKEY1";
    static final String SECRET_KEY = "instance-secret-key-that-must-never-leave-the-instance";
    static final String SESSION_TOKEN = "instance-session-token-that-must-never-leave-the-instance";
    static final String IMDS_TOKEN = "imdsv2-token-for-root-only";
    /** The Lambda functions' own key: may write anywhere, as the tasks' roles may write runs/. */
    static final String LAMBDA_KEY = "AKIDTEST";

    private HostileInstance() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        network();
        HttpServer imds = imds();
        try (S3StandIn s3 = new S3StandIn(TestAws.BUCKET)) {
            String inbox = StoreLayout.inbox(TestAws.INSTANCE_ROLE_ID + ":" + INSTANCE);
            s3.policy = (key, method, object) -> LAMBDA_KEY.equals(key)
                    || (ACCESS_KEY.equals(key) && method.equals("PUT") && object.startsWith(inbox));
            seed(s3, out);
            Map<String, String> seeded = new TreeMap<>();
            s3.objects.forEach((k, v) -> seeded.put(k, Base64.getEncoder().encodeToString(v)));
            Files.write(out.resolve("seeded.json"), Json.writePretty(seeded));
            String endpoint = s3.server().endpoint().toString();
            Suite suite = InputReader.suiteJson(Files.readString(out.resolve("suite.json"))
                    .replace("@S3@", endpoint + "/" + TestAws.BUCKET).replace("@RUN@", RUN)
                    .replace("@OTHER@", OTHER_TARGET));
            S3ResultStore store = new S3ResultStore(TestAws.clients(s3.server().endpoint()).s3(), TestAws.BUCKET,
                    TestAws.INSTANCE_ROLE_ID);

            // What Start Benchmark sends, run as the SSM agent would run it.
            String script = BenchmarkScript.generate(suite, RUN, TARGET,
                    new ScriptOutput(store.inbox(INSTANCE), store.shellUploadFunction()));
            Files.writeString(out.resolve("script.sh"), script);
            ProcessBuilder agent = new ProcessBuilder("sh", "-c",
                    String.join("\n", SsmShell.commands(script, out.resolve("instance").toString())))
                    .redirectOutput(out.resolve("stdout.txt").toFile()).redirectError(out.resolve("stderr.txt").toFile());
            agent.environment().clear();
            agent.environment().put("PATH", out.resolve("bin") + ":" + System.getenv("PATH"));
            agent.environment().put("AWS_ENDPOINT_URL_S3", endpoint);
            Process p = agent.start();
            boolean ended = p.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            Files.writeString(out.resolve("exit.txt"), ended ? Integer.toString(p.exitValue()) : "timeout");
            Files.writeString(out.resolve("iptables.txt"), capture("iptables", "-S", "OUTPUT")
                    + capture("ip6tables", "-S", "OUTPUT"));

            // What Check Benchmark does when the command ends: copy the inbox, validated.
            TargetState state = TargetState.start(RUN, java.time.Instant.parse("2099-01-01T00:00:00Z"),
                    new PlannedTarget(TARGET, Architecture.ARM64, "c7g.large", Market.SPOT, null)).toBuilder()
                    .instance(new LaunchedInstance(INSTANCE, "spot", "us-east-1a", "ami-1", false, null, 0.03))
                    .ready(false).build();
            new BenchmarkService(AwsPorts.unused(RemoteShellPort.class, "HostileInstance"),
                    AwsPorts.unused(FleetPort.class, "HostileInstance"), store, Clock.systemUTC()).copyInbox(state);

            Map<String, String> objects = new TreeMap<>();
            s3.objects.forEach((k, v) -> objects.put(k, Base64.getEncoder().encodeToString(v)));
            Files.write(out.resolve("bucket.json"), Json.writePretty(objects));
            Files.write(out.resolve("denied.txt"), s3.denied);
        } finally {
            imds.stop(0);
        }
    }

    /** Loopback up; the metadata address on a dummy interface when the kernel has them, else on lo. */
    private static void network() throws IOException, InterruptedException {
        must("ip", "link", "set", "lo", "up");
        if (run("ip", "link", "add", "imds0", "type", "dummy") == 0) {
            must("ip", "addr", "add", "169.254.169.254/32", "dev", "imds0");
            must("ip", "link", "set", "imds0", "up");
        } else {
            must("ip", "addr", "add", "169.254.169.254/32", "dev", "lo");
        }
    }

    /** IMDSv2 as the instance sees it: a token on PUT, then metadata and the role's credentials with it. */
    private static HttpServer imds() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("169.254.169.254"), 80), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (exchange.getRequestMethod().equals("PUT") && path.equals("/latest/api/token")) {
                    reply(exchange, 200, IMDS_TOKEN);
                    return;
                }
                if (!IMDS_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
                    reply(exchange, 401, "");
                    return;
                }
                String creds = "{\"Code\":\"Success\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"" + ACCESS_KEY
                        + "\",\"SecretAccessKey\":\"" + SECRET_KEY + "\",\"Token\":\"" + SESSION_TOKEN
                        + "\",\"Expiration\":\"2099-01-01T00:00:00Z\"}";
                switch (path) {
                    case "/latest/meta-data/iam/security-credentials/" -> reply(exchange, 200, ROLE);
                    case "/latest/meta-data/iam/security-credentials/" + ROLE -> reply(exchange, 200, creds);
                    case "/latest/meta-data/instance-life-cycle" -> reply(exchange, 200, "spot");
                    // The two-minute notice, from the start: the watcher uploads while the suite runs.
                    case "/latest/meta-data/spot/instance-action" ->
                            reply(exchange, 200, "{\"action\":\"terminate\",\"time\":\"2099-01-01T00:02:00Z\"}");
                    default -> reply(exchange, 404, "");
                }
            }
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(bytes);
            }
        }
    }

    /** The records a hostile suite would like to change: this run's, another target's, another run's. */
    private static void seed(S3StandIn s3, Path out) throws IOException {
        ObjectNode request = Json.payload().createObjectNode();
        request.put("runId", RUN);
        request.set("suite", Json.payload().readTree(Files.readString(out.resolve("suite.json"))));
        request.putArray("targets").addObject().put("id", TARGET).put("architecture", "arm64")
                .put("instanceType", "c7g.large");
        s3.objects.put(StoreLayout.request(RUN), Json.writePretty(request));
        s3.objects.put(StoreLayout.plan(RUN), ("{\"runId\":\"" + RUN + "\",\"targets\":[\"" + TARGET + "\",\""
                + OTHER_TARGET + "\"]}").getBytes(StandardCharsets.UTF_8));
        s3.objects.put(StoreLayout.raw(RUN, OTHER_TARGET, "first"),
                "{\"results\":[{\"command\":\"true\",\"times\":[0.5,0.5]}]}".getBytes(StandardCharsets.UTF_8));
        s3.objects.put(StoreLayout.request("another-run"), "{\"runId\":\"another-run\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static String capture(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private static void must(String... command) throws IOException, InterruptedException {
        if (run(command) != 0) {
            throw new IllegalStateException("failed in the test's namespace: " + List.of(command));
        }
    }
}
