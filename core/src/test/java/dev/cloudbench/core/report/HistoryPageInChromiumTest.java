package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.history.ChangePointDetector;
import dev.cloudbench.core.history.ChangePointOptions;
import dev.cloudbench.core.history.HistoryAnalysis;
import dev.cloudbench.core.history.HistoryEntry;
import dev.cloudbench.core.history.HistoryPage;
import dev.cloudbench.core.stats.Interval;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * history.html in headless Chromium: every trend chart is drawn with a size, its change points are
 * marked, the commits are in the dots' tooltips, and the page fetches nothing. The screenshot stays
 * under target/history-screenshots/ for a person to look at.
 */
class HistoryPageInChromiumTest {
    private static final String PROBE = """
            <script>
            window.addEventListener('load', function () {
              var root = document.documentElement;
              root.setAttribute('data-probe-resources', String(performance.getEntriesByType('resource').length));
              var drawn = Array.prototype.filter.call(document.querySelectorAll('figure[data-chart="trend"] svg.chart'),
                function (svg) { var b = svg.getBoundingClientRect(); return b.width > 300 && b.height > 80
                  && svg.querySelectorAll('circle').length > 0; });
              root.setAttribute('data-probe-trends', String(drawn.length));
              root.setAttribute('data-probe-markers', String(document.querySelectorAll('line[style*="dasharray"]').length));
            });
            </script>
            """;
    private static final Chromium CHROMIUM = Chromium.find().orElse(null);

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(CHROMIUM != null, "\n\n*** Chromium is NOT installed: history.html was NOT checked in a"
                + " browser (Debian: apt-get install chromium, or set CHROMIUM) ***\n");
    }

    /** 24 nights of two benchmarks on one target; parse gets 6 % slower from night 15 on. */
    private static String page() {
        Random random = new Random(7);
        List<HistoryEntry> entries = new ArrayList<>();
        for (int n = 1; n <= 24; n++) {
            String run = String.format(Locale.ROOT, "nightly-202604%02dT020000Z", n);
            String time = String.format(Locale.ROOT, "2026-04-%02dT02:01:00Z", n);
            String commit = String.format(Locale.ROOT, "%07x", 0x1f00000 + n * 977);
            double parse = 0.120 * (n >= 15 ? 1.06 : 1) * (1 + 0.005 * random.nextGaussian());
            double render = 0.040 * (1 + 0.005 * random.nextGaussian());
            entries.add(entry(time, run, "parse", commit, parse));
            entries.add(entry(time, run, "render", commit, render));
        }
        ChangePointDetector detector = new ChangePointDetector(ChangePointOptions.DEFAULT);
        return HistoryPage.render(HistoryAnalysis.of("nightly", entries, detector, null, null), detector.options());
    }

    private static HistoryEntry entry(String time, String run, String benchmark, String commit, double median) {
        return new HistoryEntry(time, run, "c7g.large-arm64", "arm64", "c7g.large", "spot", benchmark, Map.of(), null,
                HistoryEntry.WALL_TIME, commit, "main", median, new Interval(median * 0.99, median * 1.01, 0.95));
    }

    @Test
    void historyPage_drawsATrendPerSeries_marksTheChangePoint_andFetchesNothing() throws Exception {
        String html = page();
        Path file = Files.writeString(dir.resolve("history.html"), html.replaceFirst("<head>", "<head>\n" + PROBE),
                StandardCharsets.UTF_8);

        Chromium.Visit visit = CHROMIUM.open(file, Files.createDirectories(dir.resolve("visit")));

        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-trends")).as(visit.log()).isEqualTo("2");
        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-markers")).isEqualTo("1");
        assertThat(Chromium.rootAttribute(visit.dom(), "data-probe-resources")).isEqualTo("0");
        assertThat(visit.pageFetches()).isEmpty();
        assertThat(visit.dom()).contains("commit 1f0393f", "between commits 1f0356e..1f0393f");
    }

    @Test
    void historyPage_screenshot_isSavedUnderTheBuildDirectory() throws Exception {
        Path page = Files.writeString(dir.resolve("history.html"), page(), StandardCharsets.UTF_8);
        Path png = Files.createDirectories(Path.of("target", "history-screenshots")).resolve("history.png");
        Files.deleteIfExists(png);

        CHROMIUM.screenshot(page, png, Files.createDirectories(dir.resolve("shot")), 1280, 1400);

        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(20_000);
    }
}
