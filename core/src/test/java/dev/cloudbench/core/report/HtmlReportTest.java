package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.results.RunResults;
import dev.cloudbench.core.stats.Bootstrap;
import dev.cloudbench.core.stats.VerdictRules;
import dev.cloudbench.core.testing.Fixtures;
import dev.cloudbench.core.testing.Samples;
import dev.cloudbench.core.testing.Scenarios;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private final String html = HtmlReport.render(Scenarios.analysis());

    /** The first chart of that kind in {@code page}. */
    static String svg(String page, String kind) {
        int start = page.lastIndexOf("<svg ", page.indexOf("data-chart=\"" + kind + "\""));
        return page.substring(start, page.indexOf("</svg>", start) + 6);
    }

    private static int count(String haystack, String needle) {
        return haystack.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void page_isOneSelfContainedFile_thatForbidsEveryFetch() {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
                .contains("<style>").contains("<script>")
                .doesNotContain("<link").doesNotContain(" src=").doesNotContain("url(").doesNotContain("@import");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
    }

    @Test
    void page_hasTheChartsTheIssueAsksFor_eachNamingItsKind() {
        assertThat(count(html, "data-chart=\"paired-changes\"")).isEqualTo(1);
        assertThat(count(html, "data-chart=\"medians\"")).isEqualTo(1);
        assertThat(count(html, "data-chart=\"distribution\" role=\"img\" aria-label=\"Raw times of ")).isEqualTo(4);
        assertThat(count(html, "data-chart=\"cross-arch\"")).isEqualTo(1);
        assertThat(count(html, "data-chart=\"price-performance\"")).isEqualTo(1);
        assertThat(count(html, "<svg ")).isEqualTo(count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
                ).isEqualTo(count(html, " data-chart=\""));
    }

    @Test
    void pairedChanges_drawEveryComparison_withItsVerdictAsAWord() {
        String chart = svg(html, "paired-changes");

        assertThat(count(chart, "class=\"verdict verdict-")).isEqualTo(Scenarios.analysis().changes().size());
        assertThat(chart).contains(">▲ slower</text>").contains("shaded: ±1%, smaller than the minimum effect");
    }

    @Test
    void oneTarget_getsOneMediansChart_withABarPerBenchmark() {
        RunResults run = Fixtures.run("one", Fixtures.target("local", "x86_64", "local", "local", null,
                Fixtures.benchmark("fast", Samples.normal(1, 10, 0.001, 0.0001)),
                Fixtures.benchmark("slow", Samples.normal(2, 10, 0.5, 0.01)),
                Fixtures.benchmark("middle", Samples.normal(3, 10, 0.02, 0.001))));
        String page = HtmlReport.render(RunAnalysis.of(run, Map.of(), Bootstrap.standard(), VerdictRules.DEFAULT));

        assertThat(count(page, "data-chart=\"medians\"")).isEqualTo(1);
        assertThat(count(svg(page, "medians"), "<rect ")).as("a bar per benchmark, plus the zebra stripe").isEqualTo(4);
        assertThat(svg(page, "medians")).contains("median time per run (log scale)");
    }

    @Test
    void medians_startAtZero_whenTheySpanLessThanTwentyTimes() {
        assertThat(svg(HtmlReport.render(Scenarios.local()), "medians")).contains(">median time per run</text>")
                .doesNotContain("log scale");
    }

    @Test
    void longNames_endInAnEllipsis_withTheFullNameAsTooltip_andStayWholeInTables() {
        String page = HtmlReport.render(ReportFixtures.longNames());
        String full = "long-commands: cargo run --release --bin guillotine-evm-bench -- --input"
                + " fixtures/erc20-transfer-with-approval-and-permit.json --iterations 1000 --warm-cache";

        assertThat(svg(page, "paired-changes")).contains("…</tspan><title>" + full + "</title>");
        assertThat(page).contains("<td class=\"name\" title=\"" + full + "\"><span>" + full + "</span></td>");
    }

    @Test
    void distributions_drawEveryRawTime_ofTargetsAndBaselines() {
        int times = Scenarios.current().targets().stream().flatMap(t -> t.benchmarks().stream())
                .mapToInt(b -> b.times().length).sum();
        int baselineTimes = Scenarios.baseline().targets().stream().flatMap(t -> t.benchmarks().stream())
                .filter(b -> !b.benchmark().equals("retired")).mapToInt(b -> b.times().length).sum();

        assertThat(count(html, "<circle ")).isEqualTo(times + baselineTimes);
    }

    @Test
    void page_hasTheSameTablesAsTheMarkdown_sortable() {
        assertThat(html).contains("id=\"table-changes\"").contains("id=\"table-side-by-side\"")
                .contains("id=\"table-target-0\"").contains("id=\"table-cost\"")
                .contains("id=\"table-price-performance\"").contains("<table id=\"table-environment\">");
        assertThat(count(html, "<table class=\"sortable\"")).isEqualTo(8);
        assertThat(html).contains("<td class=\"num\" data-v=\"");
    }

    @Test
    void verdicts_areWords_withAToneForColour() {
        assertThat(html).contains("<th scope=\"col\" class=\"verdict\">verdict</th><th scope=\"col\">target</th>")
                .contains("<td class=\"verdict tone-slower\" data-v=\"0.0\">▲ slower</td>")
                .contains("class=\"alert\"><strong>1 regression(s)</strong>");
    }

    @Test
    void textFromResults_isEscaped() {
        assertThat(html).contains("parse (input=&lt;b&gt;|*x*)").doesNotContain(Scenarios.AWKWARD);
    }

    @Test
    void withoutPrices_thereIsNoPricePerformanceChart_andTheReportSaysWhy() {
        String page = HtmlReport.render(Scenarios.local());

        assertThat(page).doesNotContain("$ per 1,000 runs\" class=\"chart\"")
                .contains("No target has a price, so there is no price-performance to show.")
                .doesNotContain("id=\"changes\"").doesNotContain("id=\"side-by-side\"");
    }
}
