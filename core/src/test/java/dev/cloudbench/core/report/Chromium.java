package dev.cloudbench.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium, as the tests drive it: opens a local page, returns its DOM after load, what
 * it logged, and every URL the page itself asked the network for (Chromium's own background
 * requests — time sync, sign-in — are told apart by their lack of an initiating page).
 */
final class Chromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser's executable. */
    Path binary() {
        return binary;
    }

    /** The first executable called {@code name} on the PATH. */
    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The browser named by $CHROMIUM (none if that is not executable), else the first of the usual names on the PATH. */
    static Optional<Chromium> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable).map(Chromium::new);
        }
        return NAMES.stream().map(Chromium::onPath).flatMap(Optional::stream).findFirst().map(Chromium::new);
    }

    /**
     * @param dom         the document after the load event
     * @param log         Chromium's stderr, console messages included
     * @param pageFetches URLs the page requested from the network
     */
    record Visit(String dom, String log, List<String> pageFetches) {
    }

    Visit open(Path page, Path work) throws IOException, InterruptedException {
        Path netLog = work.resolve("net-log.json");
        Path stdout = work.resolve("dom.html");
        Path stderr = work.resolve("chromium.log");
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + work.resolve("profile"), "--enable-logging=stderr", "--v=0",
                "--log-net-log=" + netLog, "--dump-dom", page.toUri().toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish with " + page);
        }
        return new Visit(Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8),
                pageFetches(netLog));
    }

    /** Renders {@code page} to a PNG of the given width and height. */
    void screenshot(Path page, Path png, Path work, int width, int height) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + work.resolve("profile-shot"), "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("screenshot.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish the screenshot of " + page);
        }
    }

    /** URLs of the URL_REQUEST_START_JOB events made on behalf of a page: those with an initiating origin. */
    private static List<String> pageFetches(Path netLog) throws IOException {
        JsonNode root = Json.payload().readTree(netLog.toFile());
        int startJob = root.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        List<String> urls = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            JsonNode params = e.path("params");
            if (e.path("type").asInt() == startJob && params.has("url")
                    && !"not an origin".equals(params.path("initiator").asText())) {
                urls.add(params.path("url").asText());
            }
        }
        return urls;
    }

    /** The value of an attribute of the root element in a dumped DOM, or null. */
    static String rootAttribute(String dom, String name) {
        Matcher m = Pattern.compile("<html[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }
}
