package dev.cloudbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.testing.Scenarios;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private final String html = HtmlReport.render(Scenarios.analysis());

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
    void page_hasTheChartsTheIssueAsksFor() {
        assertThat(count(html, "aria-label=\"Raw times of ")).isEqualTo(4);
        assertThat(count(html, ": median\" class=\"chart\"")).isEqualTo(4);
        assertThat(count(html, ": $ per 1,000 runs\" class=\"chart\"")).isEqualTo(4);
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
        assertThat(count(html, "<table class=\"sortable\"")).isEqualTo(7);
        assertThat(html).contains("<td class=\"num\" data-v=\"");
    }

    @Test
    void verdicts_areWords_withAToneForColour() {
        assertThat(html).contains("<td class=\"tone-slower\" data-v=\"0.0\">▲ slower</td>")
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
