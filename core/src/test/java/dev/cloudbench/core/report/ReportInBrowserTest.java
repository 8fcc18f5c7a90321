package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.testing.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * report.html as people see it, in headless Chromium driven by playwright-core (src/test/browser):
 * the quickstart (against its first run), the A/B quickstart, a hyperfine export with long command
 * names, and the two-architecture scenario, each at 800, 1024 and 1280 px. From the elements' boxes:
 * every verdict header and cell is inside the viewport, no chart text leaves its {@code <svg>}, no
 * table scrolls sideways from 1024 px up, the expected {@code data-chart} kinds are there, and the
 * page logs no script error. A full-page screenshot of each stays under target/report-screenshots.
 */
class ReportInBrowserTest {
    private static final List<Integer> WIDTHS = List.of(800, 1024, 1280);
    private static final Path SOURCES = Path.of("src", "test", "browser");
    private static final Path WORK = Path.of("target", "browser-test");
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");
    /** The negative control: a page with each fault the checks look for, which they must all report. */
    private static final String CONTROL = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
            + "<div class=\"table-wrap\" style=\"overflow-x:auto\"><table id=\"wide\"><tr><th style=\"min-width:3000px\">x</th>"
            + "<th class=\"verdict\">verdict</th></tr></table></div>"
            + "<svg data-chart=\"control\" viewBox=\"0 0 100 50\" style=\"width:200px\"><text x=\"90\" y=\"20\">outside</text>"
            + "</svg><script>undefinedFunction();</script></body></html>";

    private static Path node;
    private static Path npm;
    private static Chromium chromium;

    /** Called by the test itself, not before all: surefire's summary counts only a test's abort as a skip. */
    private static void needsNodeAndChromium() throws IOException, InterruptedException {
        node = need(Chromium.onPath("node"), "Node.js is not installed (Debian: apt-get install nodejs npm)");
        npm = need(Chromium.onPath("npm"), "npm is not installed (Debian: apt-get install npm)");
        chromium = need(Chromium.find(), "Chromium is not installed (Debian: apt-get install chromium; or set CHROMIUM)");
        installPlaywright();
    }

    /** The pages and the chart kinds each must show. */
    private static Map<String, Page> pages() {
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("quickstart", new Page(ReportFixtures::quickstart, Set.of("paired-changes", "medians", "distribution")));
        pages.put("ab-quickstart", new Page(ReportFixtures::abQuickstart,
                Set.of("paired-changes", "medians", "distribution")));
        pages.put("long-names", new Page(ReportFixtures::longNames, Set.of("paired-changes", "medians", "distribution")));
        pages.put("two-architectures", new Page(Scenarios::analysis,
                Set.of("paired-changes", "medians", "distribution", "cross-arch", "price-performance")));
        return pages;
    }

    private record Page(Supplier<RunAnalysis> analysis, Set<String> kinds) {
    }

    @Test
    void reports_fitTheirWidth_atEveryWidth_andTheChecksSeeAFaultyPage() throws Exception {
        needsNodeAndChromium();
        Map<String, Page> pages = pages();
        Path dir = Files.createDirectories(WORK.resolve("pages"));
        Files.createDirectories(SCREENSHOTS);
        List<Map<String, Object>> specPages = new ArrayList<>();
        for (Map.Entry<String, Page> p : pages.entrySet()) {
            Path file = Files.writeString(dir.resolve(p.getKey() + ".html"), HtmlReport.render(p.getValue().analysis().get()),
                    StandardCharsets.UTF_8);
            specPages.add(Map.of("name", p.getKey(), "file", file.toAbsolutePath().toString(), "widths", WIDTHS));
        }
        Path control = Files.writeString(dir.resolve("control.html"), CONTROL, StandardCharsets.UTF_8);
        specPages.add(Map.of("name", "control", "file", control.toAbsolutePath().toString(), "widths", List.of(1024)));
        Path profile = WORK.resolve("profile");
        deleteTree(profile);
        Path spec = WORK.resolve("spec.json");
        Files.write(spec, Json.writePretty(Map.of("chromium", chromium.binary().toString(),
                "userDataDir", profile.toAbsolutePath().toString(),
                "screenshots", SCREENSHOTS.toAbsolutePath().toString(), "pages", specPages)));
        String out = run(List.of(node.toString(), WORK.resolve("check-report.mjs").toAbsolutePath().toString(),
                spec.toAbsolutePath().toString()), WORK, 300);
        JsonNode results = Json.payload().readTree(out);
        assertThat(results).hasSize(pages.size() * WIDTHS.size() + 1);
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode r : results) {
            if (r.path("page").asText().equals("control")) {
                control(softly, r);
            } else {
                check(softly, r, pages.get(r.path("page").asText()), r.path("width").asInt());
            }
        }
        softly.assertAll();
    }

    private static void check(SoftAssertions softly, JsonNode r, Page page, int width) {
        String where = r.path("page").asText() + " at " + width + " px";
        softly.assertThat(r.path("errors")).as(where + ": script errors").isEmpty();
        softly.assertThat(r.path("script").asText()).as(where + ": the page script ran").isEqualTo("ok");
        softly.assertThat(r.path("scriptError").isNull()).as(where + ": no script error recorded").isTrue();
        Set<String> kinds = new TreeSet<>();
        r.path("kinds").forEach(k -> kinds.add(k.asText()));
        softly.assertThat(kinds).as(where + ": chart kinds").containsExactlyInAnyOrderElementsOf(page.kinds());
        softly.assertThat(r.path("verdictCells").asInt()).as(where + ": verdict headers and cells").isPositive();
        softly.assertThat(r.path("verdictOutside")).as(where + ": verdicts outside the viewport").isEmpty();
        softly.assertThat(r.path("texts").asInt()).as(where + ": chart texts measured").isPositive();
        softly.assertThat(r.path("textOverflow")).as(where + ": chart text outside its svg").isEmpty();
        softly.assertThat(r.path("pageScrollWidth").asInt()).as(where + ": the page scrolls sideways")
                .isLessThanOrEqualTo(r.path("viewport").asInt());
        if (width >= 1024) {
            softly.assertThat(r.path("scrollingTables")).as(where + ": tables that scroll sideways").isEmpty();
        }
        Path png = Path.of(r.path("screenshot").asText());
        softly.assertThat(png).as(where + ": screenshot").exists();
    }

    private static void control(SoftAssertions softly, JsonNode r) {
        softly.assertThat(r.path("errors").toString()).contains("undefinedFunction");
        softly.assertThat(r.path("verdictOutside")).hasSize(1);
        softly.assertThat(r.path("textOverflow").toString()).contains("outside");
        softly.assertThat(r.path("scrollingTables").toString()).contains("wide");
    }

    /** {@code npm ci} of src/test/browser into target/browser-test, once per lock file. */
    private static void installPlaywright() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        Path lock = SOURCES.resolve("package-lock.json");
        Path installed = WORK.resolve("node_modules").resolve(".package-lock.json");
        Path copiedLock = WORK.resolve("package-lock.json");
        for (String f : List.of("package.json", "check-report.mjs")) {
            Files.copy(SOURCES.resolve(f), WORK.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        boolean current = Files.isRegularFile(installed) && Files.isRegularFile(copiedLock)
                && Files.mismatch(lock, copiedLock) == -1;
        if (current) {
            return;
        }
        Files.copy(lock, copiedLock, StandardCopyOption.REPLACE_EXISTING);
        try {
            run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--ignore-scripts"), WORK, 300);
        } catch (IllegalStateException e) {
            abort("npm ci of " + SOURCES + " failed (is the npm registry reachable?): " + e.getMessage());
        }
    }

    private static String run(List<String> command, Path dir, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), "run", ".log");
        Path stdout = Files.createTempFile(WORK.toAbsolutePath(), "run", ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(log.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        String err = Files.readString(log, StandardCharsets.UTF_8);
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.delete(log);
        Files.delete(stdout);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + err.strip().lines().reduce((a, b) -> b).orElse(""));
        }
        return out;
    }

    private static <T> T need(Optional<T> tool, String missing) {
        if (tool.isEmpty()) {
            abort(missing);
        }
        return tool.get();
    }

    /** Aborts the test with one line that says why, on stderr too, so that a build log shows it. */
    private static void abort(String why) {
        String line = "NOT RUN: ReportInBrowserTest (report.html in a real browser): " + why;
        System.err.println(line);
        Assumptions.abort(line);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
