package dev.cloudbench.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cloudbench.cli.output.ExitCodes;
import dev.cloudbench.cli.cloud.CloudHarness;
import dev.cloudbench.cli.local.DirectoryStore;
import dev.cloudbench.core.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    @TempDir
    Path dir;

    private final InProcessCli cli = new InProcessCli();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    static Path resource(String name) {
        try {
            return Path.of(HistoryCommandTest.class.getResource("/change-points/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** metric → indices of its change points, from --json. */
    private Map<String, List<Integer>> changePoints(String csv) throws IOException {
        assertThat(cli.run("history", "--csv", resource(csv).toString(), "--json")).as(err.toString()).isZero();
        JsonNode list = Json.payload().readTree(out.toString());
        Map<String, List<Integer>> byMetric = new java.util.LinkedHashMap<>();
        list.forEach(c -> byMetric.computeIfAbsent(c.path("metric").asText(), m -> new ArrayList<>()).add(c.path("index").asInt()));
        return byMetric;
    }

    @Test
    void csv_json_findsTheStepsOfEachMetric_atTheRowsTheyWereMadeIn() throws IOException {
        assertThat(changePoints("two-steps.csv")).containsExactly(Map.entry("wall_ms", List.of(25, 45)),
                Map.entry("instructions", List.of(40)));

        JsonNode first = Json.payload().readTree(out.toString()).get(0);
        assertThat(first.properties()).extracting(Map.Entry::getKey)
                .containsExactly("metric", "index", "time", "commit", "before", "after", "change", "pValue");
        assertThat(first.path("time").asText()).isEqualTo("2026-01-26");
        assertThat(first.path("commit").asText()).isEqualTo("a030557");
        assertThat(first.path("before").asDouble()).isBetween(99.5, 100.5);
        assertThat(first.path("after").asDouble()).isBetween(105.5, 106.5);
        assertThat(first.path("change").asDouble()).isBetween(0.055, 0.065);
        assertThat(first.path("pValue").asDouble()).isLessThan(0.001);
    }

    @Test
    void csv_json_isAnEmptyList_forNoiseAlone() throws IOException {
        assertThat(changePoints("noise.csv")).isEmpty();
        assertThat(out.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void csv_countsMissingCells_inTheRowIndex() throws IOException {
        assertThat(changePoints("missing-points.csv")).containsExactly(Map.entry("wall_ms", List.of(31)));
    }

    @Test
    void csv_withoutJson_printsATable() {
        assertThat(cli.run("history", "--csv", resource("two-steps.csv").toString())).isZero();

        assertThat(out.toString()).contains("60 row(s), 2 metric(s), 3 change point(s)")
                .containsPattern("wall_ms +25 +2026-01-26 +a030557")
                .contains("E-divisive means");
    }

    @Test
    void csv_thatIsBad_getsOneLineNamingTheRowAndColumn_andExitCode2() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "time,ms\n2026-01-01,1.5\n2026-01-02,slow\n");

        assertThat(cli.run("history", "--csv", bad.toString(), "--json")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("cloudbench: bad input: " + bad
                + ": line 3 (data row 1), column 'ms': 'slow' is not a number");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void options_outOfRange_areUsageErrors() {
        assertThat(cli.run("history", "--csv", resource("noise.csv").toString(), "--max-p-value", "0"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("maximum p-value must be in (0, 1]");
    }

    @Test
    void localStore_printsEverySeries_withItsChangePointAndCommits_andWritesHistoryHtml() throws IOException {
        HistoryFixtures.publish(new DirectoryStore(dir), 12, 8);

        assertThat(cli.run("history", "-o", dir.toString())).as(err.toString()).isZero();

        String text = out.toString();
        assertThat(text).contains("cloudbench history: suite nightly, 12 run(s), 4 series")
                .contains("parse on c7g.large-arm64: 12 run(s); latest ")
                .contains("since the last change point (run " + HistoryFixtures.runId(8) + "): +")
                .contains(HistoryFixtures.commit(7).substring(0, 12) + ".." + HistoryFixtures.commit(8).substring(0, 12))
                .contains("render on c7i.large-x86_64: 12 run(s)").contains("no change point");
        Path html = dir.resolve("suites/nightly/history.html");
        assertThat(text).contains("History: " + html);
        assertThat(Files.readString(html)).contains("<h1>History of nightly</h1>", "data-chart=\"trend\"",
                "change point: +8.", "commit " + HistoryFixtures.commit(8).substring(0, 12));
    }

    @Test
    void filters_keepOneBenchmarkOnOneTarget() {
        HistoryFixtures.publish(new DirectoryStore(dir), 6, 4);

        assertThat(cli.run("history", "nightly", "-o", dir.toString(), "--benchmark", "parse", "--target", "c7i.large-x86_64"))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("1 series").contains("parse on c7i.large-x86_64")
                .doesNotContain("render on").doesNotContain("c7g.large-arm64:");
    }

    @Test
    void unknownSuite_orEmptyStore_isBadInput() {
        assertThat(cli.run("history", "-o", dir.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no suite has a history in " + dir.toAbsolutePath());

        HistoryFixtures.publish(new DirectoryStore(dir), 2, 9);
        assertThat(cli.run("history", "other", "-o", dir.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no history of suite 'other'");
    }

    @Test
    void outputAndStack_together_areAUsageError() {
        assertThat(cli.run("history", "-o", dir.toString(), "--stack", "cloudbench")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--output and --stack: give one");
    }

    @Test
    void stack_readsTheHistoryFromTheStacksBucket() {
        try (CloudHarness aws = new CloudHarness()) {
            DirectoryStore staging = new DirectoryStore(dir.resolve("staging"));
            HistoryFixtures.publish(staging, 6, 4);
            for (String key : staging.list("suites/")) {
                aws.s3.objects.put(key, staging.get(key).orElseThrow());
            }
            Path html = dir.resolve("page.html");

            CloudHarness.Result r = aws.run("history", "nightly", "--stack", CloudHarness.STACK, "--html", html.toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("6 run(s), 4 series, from stack cloudbench (us-east-1)")
                    .contains("parse on c7g.large-arm64");
            assertThat(html).content().contains("History of nightly");
        }
    }
}
