package dev.cloudbench.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.rounds.RoundPlan;
import dev.cloudbench.core.testing.Hyperfine;
import dev.cloudbench.core.validation.SuiteValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundsScriptTest {
    @TempDir
    Path dir;

    /** The directory store the scripts upload into, and the instance's work directory. */
    private Path store;
    private Path work;

    @BeforeEach
    void directories() throws IOException {
        store = Files.createDirectories(dir.resolve("store"));
        work = Files.createDirectories(dir.resolve("work"));
    }

    private static Suite suite(String json) {
        return SuiteValidator.validate(InputReader.suiteJson(json));
    }

    private static String copyInto(Path store) {
        return "mkdir -p \"$(dirname " + Shell.quote(store.toString()) + "/\"$1\")\" && cat > "
                + Shell.quote(store.toString()) + "/\"$1\"";
    }

    private int bash(String script, Path cwd) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("script-" + System.nanoTime() + ".sh"), script);
        Process p = Hyperfine.onPath(new ProcessBuilder("bash", file.toString())).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static List<String> names(Path raw) throws IOException {
        try (Stream<Path> files = Files.list(raw)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void firstScript_isValidBash_quotesVariantValues_andChecksOutEachRef() throws Exception {
        String script = RoundsScript.first(suite("""
                {"name":"s","repository":{"url":"https://github.com/a/b","ref":"main"},"setup":["make"],
                 "benchmarks":[{"name":"run","command":"./bin/x"}],
                 "variants":[{"name":"base"},{"name":"pr","ref":"feature/y","env":{"MODE":"it's $(rm -rf ~)"}}]}"""),
                "r1", "t1", "true");
        Path file = Files.writeString(dir.resolve("s.sh"), script);
        Process check = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes())).isZero();

        assertThat(script)
                .contains("as_suite git init -q src && as_suite git -C src remote add origin 'https://github.com/a/b'")
                .contains("as_suite git init -q 'variants/pr' && as_suite git -C 'variants/pr' remote add origin"
                        + " 'https://github.com/a/b' && as_suite git -C 'variants/pr' fetch -q --depth 1 origin 'feature/y'")
                .contains("as_suite git -C 'variants/pr' rev-parse HEAD > \"$CB_OWN/env/\"'commit-pr.txt' && upload"
                        + " \"$CB_OWN/env/\"'commit-pr.txt' \"${CB_PREFIX}env/\"'commit-pr.txt'")
                .contains("(cd \"$CB_WORK\"/'variants/pr' && CB_ENV=('MODE=it'\\''s $(rm -rf ~)')"
                        + " && as_suite bash -euo pipefail -c 'make')"
                        + " || fail failed setup 90 'setup command 1 of 1 failed for variant pr'")
                .contains("variant_0() { cd \"$CB_WORK/src\" || return 1; }")
                .contains("# Round 10\n").doesNotContain("# Round 11\n")
                .doesNotContain("over_budget");
    }

    @Test
    void everyRound_runsEveryVariant_inThePlansOrder() {
        Suite suite = suite("""
                {"name":"s","benchmarks":[{"name":"a","command":"true"},{"name":"b","command":"true"}],
                 "variants":[{"name":"x"},{"name":"y"},{"name":"z"}],"rounds":{"min":6,"max":6}}""");
        RoundPlan plan = RoundPlan.of(suite, "r1", "t1");
        String script = RoundsScript.first(suite, "r1", "t1", "true");

        for (int round = 1; round <= 6; round++) {
            for (int b = 0; b < 2; b++) {
                List<Integer> order = plan.order(round, b);
                assertThat(order).containsExactlyInAnyOrder(0, 1, 2);
                StringBuilder expected = new StringBuilder();
                for (int p = 0; p < 3; p++) {
                    String v = List.of("x", "y", "z").get(order.get(p));
                    expected.append("measure ").append(round).append(' ').append(p + 1).append(' ').append(order.get(p))
                            .append(" '").append(v).append("' ").append(b).append(" '").append(List.of("a", "b").get(b))
                            .append("' 0\n");
                }
                assertThat(script).contains(expected);
            }
        }
    }

    @Test
    void alternateOrder_rotatesTheVariants_roundByRound() {
        Suite suite = suite("""
                {"name":"s","benchmarks":[{"name":"a","command":"true"}],
                 "variants":[{"name":"x"},{"name":"y"}],"rounds":{"order":"alternate","min":5}}""");
        RoundPlan plan = RoundPlan.of(suite, "r", "t");
        assertThat(plan.order(1, 0)).containsExactly(0, 1);
        assertThat(plan.order(2, 0)).containsExactly(1, 0);
        assertThat(plan.order(3, 0)).containsExactly(0, 1);
    }

    @Test
    void randomOrders_areSeededByRunAndTarget_andBalanced() {
        Suite suite = suite("""
                {"name":"s","benchmarks":[{"name":"a","command":"true"}],"variants":[{"name":"x"},{"name":"y"}]}""");
        RoundPlan plan = RoundPlan.of(suite, "run-1", "t");
        assertThat(RoundPlan.of(suite, "run-1", "t").order(7, 0)).isEqualTo(plan.order(7, 0));
        long xFirst = IntStream.rangeClosed(1, 400).filter(r -> plan.order(r, 0).get(0) == 0).count();
        assertThat(xFirst).isBetween(160L, 240L);
    }

    @Test
    void rounds_runOnThisHost_exportPerVariantAndRound_thenContinueInTheSameDirectory() throws Exception {
        Suite suite = suite("""
                {"name":"s","warmup":0,"runs":2,"setup":["echo one > a.txt"],
                 "benchmarks":[{"name":"cat","command":"cat \\"$F\\""}],
                 "variants":[{"name":"x","env":{"F":"a.txt"}},{"name":"y","env":{"F":"a.txt"}}],
                 "rounds":{"min":5,"max":6}}""");

        assertThat(bash(RoundsScript.first(suite, "r1", "t1", copyInto(store)), work))
                .as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path target = store.resolve("runs/r1/targets/t1");
        assertThat(names(target.resolve("raw/cat"))).hasSize(10).contains("round-1-1-" + name(suite, 1, 0) + ".json");
        assertThat(Files.readString(target.resolve("progress.json"))).contains("\"state\":\"done\"", "\"completed\":5");
        assertThat(names(target.resolve("raw/canary"))).containsExactly("after.json", "before.json");
        String firstAfter = Files.readString(target.resolve("raw/canary/after.json"));

        assertThat(bash(RoundsScript.more(suite, "r1", "t1", copyInto(store), 6, 6), work))
                .as(Files.readString(dir.resolve("out.txt"))).isZero();
        assertThat(names(target.resolve("raw/cat"))).hasSize(12).contains("round-6-2-" + name(suite, 6, 1) + ".json");
        assertThat(Files.readString(target.resolve("raw/canary/after.json")))
                .as("the last command's canary after replaces the first's").isNotEqualTo(firstAfter);
        assertThat(Files.readString(target.resolve("progress.json"))).contains("\"completed\":6", "\"total\":6");
    }

    private static String name(Suite suite, int round, int position) {
        RoundPlan plan = RoundPlan.of(suite, "r1", "t1");
        return suite.variants().get(plan.order(round, 0).get(position)).name();
    }

    @Test
    void theCanary_runsBeforeTheFirstRound_outsideTheTimeBudget_andAfterEveryCommandsLastRound() {
        Suite suite = suite("""
                {"name":"s","benchmarks":[{"name":"a","command":"true"}],"variants":[{"name":"x"},{"name":"y"}],
                 "rounds":{"min":5,"max":10,"maxSeconds":60}}""");

        String first = RoundsScript.first(suite, "r1", "t1", "true");
        String more = RoundsScript.more(suite, "r1", "t1", "true", 6, 10);

        assertThat(first.indexOf("\ncanary before\n")).isPositive().isLessThan(first.indexOf("rounds-started\"\n"));
        assertThat(first.indexOf("\ncanary after\n")).isGreaterThan(first.indexOf("# Round 5"));
        assertThat(first).contains("  canary after\n  CB_ROUND=; CB_VARIANT=\n  progress 'done' ''");
        assertThat(more).doesNotContain("\ncanary before\n").contains("canary() {");
        assertThat(more.indexOf("\ncanary after\n")).isGreaterThan(more.indexOf("# Round 10"));
        String off = RoundsScript.first(suite("""
                {"name":"s","canary":false,"benchmarks":[{"name":"a","command":"true"}],
                 "variants":[{"name":"x"},{"name":"y"}]}"""), "r1", "t1", "true");
        assertThat(off).doesNotContain("canary");
    }

    @Test
    void moreRounds_failWithoutTheFirstRounds_inTheirDirectory() throws Exception {
        Suite suite = suite("""
                {"name":"s","benchmarks":[{"name":"a","command":"true"}],"variants":[{"name":"x"},{"name":"y"}]}""");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        assertThat(bash(RoundsScript.more(suite, "r1", "t1", "true", 11, 20), elsewhere)).isEqualTo(ExitCodes.EXIT_SETUP);
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("the first rounds did not run in this directory");
    }

    @Test
    void theTimeBudget_stopsStartingRounds_andSaysSo() throws Exception {
        Suite suite = suite("""
                {"name":"s","warmup":0,"runs":2,"benchmarks":[{"name":"nap","command":"sleep 0.3"}],
                 "variants":[{"name":"x"},{"name":"y"}],"rounds":{"min":20,"max":20,"maxSeconds":1}}""");

        assertThat(bash(RoundsScript.first(suite, "r1", "t1", copyInto(store)), work))
                .as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path target = store.resolve("runs/r1/targets/t1");
        assertThat(Files.readString(target.resolve("rounds-stopped.txt"))).startsWith("time budget of 1 s used after");
        assertThat(target.resolve("raw/canary/after.json")).as("the canary after runs when the budget stops the rounds").exists();
        assertThat(names(target.resolve("raw/nap")).size()).isBetween(2, 8);
    }

    @Test
    void aFailingVariant_stopsTheRounds_namingVariantAndRound() throws Exception {
        Suite suite = suite("""
                {"name":"s","warmup":0,"runs":2,"benchmarks":[{"name":"maybe","command":"test \\"$OK\\" = yes"}],
                 "variants":[{"name":"good","env":{"OK":"yes"}},{"name":"bad","env":{"OK":"no"}}]}""");

        assertThat(bash(RoundsScript.first(suite, "r1", "t1", copyInto(store)), work)).isNotZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("benchmark maybe (variant bad, round 1) failed");
        assertThat(Files.readString(store.resolve("runs/r1/targets/t1/progress.json")))
                .contains("\"state\":\"failed\"", "\"round\":1", "\"variant\":\"bad\"");
    }
}
