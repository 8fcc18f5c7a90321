package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.testing.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real browser (headless Chromium; Debian package {@code chromium}). Skipped
 * where no Chromium is installed. A probe script, added to a copy of the page, records after load
 * which resources the page fetched, which fetches its Content-Security-Policy blocked, how many
 * charts have a size and content, and the order of a table after sorting it by a click.
 */
class HtmlReportInChromiumTest {
    private static final String PROBE = """
            <script>
            (function () {
              var blocked = [];
              document.addEventListener('securitypolicyviolation', function (e) { blocked.push(e.blockedURI); });
              window.addEventListener('load', function () {
                var root = document.documentElement;
                root.setAttribute('data-probe-resources', String(performance.getEntriesByType('resource').length));
                root.setAttribute('data-probe-blocked', String(blocked.length));
                var drawn = Array.prototype.filter.call(document.querySelectorAll('svg.chart'), function (svg) {
                  var box = svg.getBoundingClientRect();
                  return box.width > 0 && box.height > 0 && svg.querySelectorAll('rect, circle').length > 0;
                });
                root.setAttribute('data-probe-charts', String(drawn.length));
                var table = document.getElementById('table-target-1');
                var median = table.tHead.rows[0].cells[1].querySelector('button');
                median.click();
                median.click();
                root.setAttribute('data-probe-sorted', Array.prototype.map.call(table.tBodies[0].rows,
                    function (r) { return r.cells[0].textContent.split(' ')[0]; }).join(','));
              });
            })();
            </script>
            """;

    private static final Chromium CHROMIUM = Chromium.find().orElse(null);

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(CHROMIUM != null, "Chromium is not installed (Debian: apt-get install chromium)");
    }

    private Chromium.Visit open(String html, String name) throws IOException, InterruptedException {
        Path page = Files.writeString(dir.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        Path work = Files.createDirectories(dir.resolve(name));
        return CHROMIUM.open(page, work);
    }

    @Test
    void report_rendersEveryChart_sortsTables_andFetchesNothing() throws Exception {
        String html = HtmlReport.render(Scenarios.analysis());
        int charts = html.split("<svg ", -1).length - 1;

        Chromium.Visit visit = open(html.replaceFirst("<head>", "<head>\n" + PROBE), "report");

        assertThat(charts).isEqualTo(8);
        assertThat(Chromium.rootAttribute(visit.dom(), "data-script")).isEqualTo("ok");
        assertThat(Chromium.rootAttribute(visit.dom(), "data-script-error")).isNull();
        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-charts")).isEqualTo(String.valueOf(charts));
        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-sorted")).isEqualTo("noisy,sort,gzip,parse");
        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-resources")).isEqualTo("0");
        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-blocked")).isEqualTo("0");
        assertThat(visit.pageFetches()).isEmpty();
        assertThat(visit.log()).doesNotContain("Uncaught").doesNotContain("Refused to");
    }

    @Test
    void probe_wouldSeeAFetch_whenAPageMadeOne() throws Exception {
        // The negative control: the same checks catch a page that fetches (port 9 refuses at once).
        String fetching = "<!DOCTYPE html><html><head>" + PROBE + "</head><body>"
                + "<img src=\"http://127.0.0.1:9/pixel.png\" alt=\"\"><table id=\"table-target-1\"><thead><tr><th>a</th>"
                + "<th><button>b</button></th></tr></thead><tbody></tbody></table></body></html>";

        Chromium.Visit visit = open(fetching, "control");

        assertThat(visit.pageFetches()).containsExactly("http://127.0.0.1:9/pixel.png");
    }

    @Test
    void report_screenshot_isSavedUnderTheBuildDirectory() throws Exception {
        Path page = Files.writeString(dir.resolve("shot.html"), HtmlReport.render(Scenarios.analysis()),
                StandardCharsets.UTF_8);
        Path png = Files.createDirectories(Path.of("target", "report-screenshots")).resolve("report.png");
        Files.deleteIfExists(png);

        CHROMIUM.screenshot(page, png, Files.createDirectories(dir.resolve("shot")), 1280, 1600);

        assertThat(png).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("a real picture, not an empty page").isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
}
