package dev.cloudbench.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.HyperfineExport;
import dev.cloudbench.core.testing.Hyperfine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkScriptTest {
    @TempDir
    Path dir;

    private static Suite suite(String json) {
        return InputReader.suiteJson(json);
    }

    private int bash(Path script, Path cwd) throws IOException, InterruptedException {
        Process p = Hyperfine.onPath(new ProcessBuilder("bash", script.toString())).directory(cwd.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    /**
     * Runs the script of a suite of one benchmark ({@code true}) in a fresh work directory, uploading into
     * {@code store}, with {@code firstOnPath} (when not null) leading PATH; its exit code.
     */
    private int runOneBenchmark(Path store, Path firstOnPath) throws IOException, InterruptedException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path file = Files.writeString(dir.resolve("s.sh"), BenchmarkScript.generate(suite("""
                {"name":"s","warmup":0,"runs":2,"benchmarks":[{"name":"true","command":"true"}]}"""),
                "r1", "t1", copyInto(store)));
        ProcessBuilder pb = Hyperfine.onPath(new ProcessBuilder("bash", file.toString())).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        if (firstOnPath != null) {
            pb.environment().put("PATH", firstOnPath + ":" + pb.environment().get("PATH"));
        }
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private static String copyInto(Path store) {
        return "mkdir -p \"$(dirname " + Shell.quote(store.toString()) + "/\"$1\")\" && cat > "
                + Shell.quote(store.toString()) + "/\"$1\"";
    }

    @Test
    void generate_isValidBash_andQuotesEverythingItDidNotWrite() throws Exception {
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","repository":{"url":"https://github.com/a/b","ref":"v1.0"},
                 "setup":["echo 'it''s' \\"quoted\\" $HOME"],
                 "benchmarks":[{"name":"a","command":"echo 'x' | wc -c","parameters":{"n":["1","2"]}}]}"""),
                "r1", "t1", "true");
        Path file = Files.writeString(dir.resolve("s.sh"), script);
        Process check = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes())).isZero();
        assertThat(script).contains("git -C src remote add origin 'https://github.com/a/b'",
                "fetch -q --depth 1 origin 'v1.0'", "--parameter-list n '1,2'", "-- 'echo '\\''x'\\'' | wc -c'");
    }

    @Test
    void script_runsEveryBenchmark_andUploadsExportsAndProgress() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","warmup":0,"runs":2,"setup":["echo hello > greeting.txt"],
                 "benchmarks":[{"name":"cat","command":"cat greeting.txt"},{"name":"true","command":"true"}]}"""),
                "r1", "t1", copyInto(store));
        Path file = Files.writeString(dir.resolve("s.sh"), script);
        assertThat(bash(file, work)).as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path target = store.resolve("runs/r1/targets/t1");
        assertThat(target.resolve("raw/cat.json")).exists();
        assertThat(target.resolve("raw/true.json")).exists();
        assertThat(target.resolve("env/nproc.txt")).exists();
        assertThat(Files.readString(target.resolve("progress.json")))
                .contains("\"state\":\"done\"", "\"completed\":2", "\"total\":2");
    }

    @Test
    void theCanary_runsAfterTheSetupBeforeTheFirstBenchmark_andAfterTheLast() {
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","setup":["make"],"benchmarks":[{"name":"a","command":"true"},{"name":"b","command":"true"}]}"""),
                "r1", "t1", "true");

        int setup = script.indexOf("'make'");
        int before = script.indexOf("\ncanary before\n");
        int first = script.indexOf("# Benchmark a");
        int last = script.indexOf("# Benchmark b");
        int after = script.indexOf("\ncanary after\n");
        assertThat(setup).isPositive().isLessThan(before);
        assertThat(before).isLessThan(first);
        assertThat(after).isGreaterThan(last).isLessThan(script.indexOf("progress 'done' ''"));
        assertThat(script).contains("hyperfine -N ", "--export-json \"$CB_WORK/raw/canary/$1.json\"",
                "-n cpu 'awk -v K=12 -v N=50000 ", "-n memory 'awk -v K=24 -v N=50000 ",
                "upload \"$CB_WORK/raw/canary/$1.json\" \"${CB_PREFIX}raw/canary/$1.json\"");
    }

    @Test
    void aSuiteWithTheCanaryOff_hasNoCanaryInItsScript() {
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","canary":false,"benchmarks":[{"name":"a","command":"true"}]}"""), "r1", "t1", "true");

        assertThat(script).doesNotContain("canary");
    }

    @Test
    void theCanary_exportsBeforeAndAfter_inTheShapeEveryExportHas() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));

        assertThat(runOneBenchmark(store, null)).as(Files.readString(dir.resolve("out.txt"))).isZero();

        Path canary = store.resolve("runs/r1/targets/t1/raw/canary");
        for (String pass : List.of("before", "after")) {
            HyperfineExport export = HyperfineExport.parse(Files.readAllBytes(canary.resolve(pass + ".json")), pass);
            assertThat(export.results()).extracting(HyperfineExport.Entry::command).containsExactly("cpu", "memory");
            assertThat(export.results()).allSatisfy(e -> assertThat(e.times()).hasSize(CanaryScript.RUNS));
            assertThat(export.results()).allSatisfy(e -> assertThat(e.exitCodes()).containsOnly(0));
        }
        Canary c = Canary.of(HyperfineExport.parse(Files.readAllBytes(canary.resolve("before.json")), "b"),
                HyperfineExport.parse(Files.readAllBytes(canary.resolve("after.json")), "a"), null);
        assertThat(c.parts()).hasSize(2);
        assertThat(c.part(Canary.MEMORY).orElseThrow().median())
                .as("the memory part's working set leaves the core's caches")
                .isGreaterThan(c.part(Canary.CPU).orElseThrow().median());
    }

    @Test
    void aFailingCanary_neverFailsTheSuite_norLosesAResult_andSaysWhy() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path awk = Files.writeString(bin.resolve("awk"), "#!/bin/sh\necho 'awk: broken' >&2\nexit 2\n");
        assertThat(awk.toFile().setExecutable(true)).isTrue();
        Path store = Files.createDirectories(dir.resolve("store"));

        assertThat(runOneBenchmark(store, bin)).as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path target = store.resolve("runs/r1/targets/t1");
        assertThat(target.resolve("raw/true.json")).exists();
        assertThat(target.resolve("raw/canary/before.json")).doesNotExist();
        assertThat(Files.readString(target.resolve("env/canary-before.txt")))
                .startsWith("the canary before the suite failed with exit code ");
        assertThat(target.resolve("env/canary-after.txt")).exists();
        assertThat(Files.readString(dir.resolve("out.txt")))
                .contains("cloudbench: the noise canary before the suite failed", "the results are kept without it");
        assertThat(Files.readString(target.resolve("progress.json"))).contains("\"state\":\"done\"");
    }

    @Test
    void instructions_areCountedPerRunAndParameter_afterTheTimedRuns_byTheCounterTheHostHas() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","warmup":0,"runs":2,"metrics":["wall-time","instructions"],
                 "benchmarks":[{"name":"loop","command":"awk 'BEGIN { for (i = 0; i < {n}; i++) s += i; print s }'",
                                "parameters":{"n":["1000","100000"]}},
                               {"name":"plain","command":"true","metrics":["wall-time"]}]}"""),
                "r1", "t1", copyInto(store));
        Path file = Files.writeString(dir.resolve("s.sh"), script);
        assertThat(bash(file, work)).as(Files.readString(dir.resolve("out.txt"))).isZero();
        Path target = store.resolve("runs/r1/targets/t1");
        assertThat(Files.readString(target.resolve("env/counter.txt")).strip()).isIn("perf", "callgrind");
        assertThat(target.resolve("raw/instructions/plain.json")).doesNotExist();
        HyperfineExport counts = HyperfineExport.parse(Files.readAllBytes(target.resolve("raw/instructions/loop.json")),
                "loop");
        assertThat(counts.results()).extracting(e -> e.parameters().get("n")).containsExactly("1000", "100000");
        assertThat(counts.results()).allSatisfy(e -> assertThat(e.times()).hasSize(2));
        assertThat(counts.results()).allSatisfy(e -> assertThat(Arrays.stream(e.times()).min().orElseThrow()).isGreaterThan(1000));
        // The loop of 100,000 iterations executes more instructions than the loop of 1,000: real counts.
        assertThat(counts.results().get(1).times()[0]).isGreaterThan(counts.results().get(0).times()[0] + 500_000);
    }

    @Test
    void aSuiteWithoutInstructions_hasNoCounterInItsScript() {
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","benchmarks":[{"name":"a","command":"true"}]}"""), "r1", "t1", "true");
        assertThat(script).doesNotContain("choose_counter", "count_", "instructions");
    }

    @Test
    void script_stopsAtAFailingBenchmark_keepingEarlierResults() throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String script = BenchmarkScript.generate(suite("""
                {"name":"s","warmup":0,"runs":2,
                 "benchmarks":[{"name":"ok","command":"true"},{"name":"broken","command":"exit 3"},
                               {"name":"never","command":"true"}]}"""),
                "r1", "t1", copyInto(store));
        Path file = Files.writeString(dir.resolve("s.sh"), script);
        assertThat(bash(file, work)).isNotZero();
        Path target = store.resolve("runs/r1/targets/t1");
        assertThat(target.resolve("raw/ok.json")).exists();
        assertThat(target.resolve("raw/never.json")).doesNotExist();
        assertThat(Files.readString(target.resolve("progress.json"), StandardCharsets.UTF_8))
                .contains("\"state\":\"failed\"", "\"current\":\"broken\"");
    }

    @Test
    void script_asksInstanceMetadataNothing_whenNotOnEc2() throws Exception {
        Path vendor = Path.of("/sys/devices/virtual/dmi/id/sys_vendor");
        assumeThat(Files.exists(vendor) && Files.readString(vendor).contains("Amazon EC2")).as("on EC2").isFalse();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("curl-calls.txt");
        Path curl = Files.writeString(bin.resolve("curl"), "#!/bin/sh\necho \"$@\" >> " + calls + "\nexit 7\n");
        assertThat(curl.toFile().setExecutable(true)).isTrue();
        Path store = Files.createDirectories(dir.resolve("store"));
        Path work = Files.createDirectories(dir.resolve("work"));
        String script = BenchmarkScript.generate(suite("{\"name\":\"s\",\"benchmarks\":[{\"name\":\"noop\",\"command\":\"true\"}]}"),
                "run", "target", copyInto(store));
        Path file = Files.writeString(dir.resolve("s.sh"), script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("PATH", bin + ":" + pb.environment().get("PATH"));
        pb.environment().remove("CB_CONFINE");
        assertThat(pb.start().waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(calls).as("curl was called: " + (Files.exists(calls) ? Files.readString(calls) : "")).doesNotExist();
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("cloudbench: the suite runs as ", "not confined");
        assertThat(store.resolve("runs/run/targets/target/env/nproc.txt")).exists();
    }
}
