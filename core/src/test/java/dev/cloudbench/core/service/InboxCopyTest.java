package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.json.InputReader;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Suite;
import dev.cloudbench.core.testing.InMemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboxCopyTest {
    private static final String EXPORT = "{\"results\":[{\"command\":\"true\",\"times\":[0.1,0.2],\"exit_codes\":[0,0]}]}";
    private static final Suite SUITE = InputReader.suiteJson("""
            {"name":"s","benchmarks":[{"name":"a","command":"true"},{"name":"b","command":"true"}]}""");
    private static final Suite VARIANTS = InputReader.suiteJson("""
            {"name":"s","benchmarks":[{"name":"a","command":"true"}],"variants":[{"name":"x"},{"name":"y"}]}""");

    private final InMemoryStore store = new InMemoryStore();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final InboxCopy copy = new InboxCopy(store, new PrintStream(log, true, StandardCharsets.UTF_8));
    private final String inbox = store.inbox("i-1");

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void whatTheScriptWrites_reachesTheTargetsKeys() {
        store.putText(inbox + "progress.json", "{\"state\":\"done\",\"completed\":2,\"total\":2,\"current\":\"\"}");
        store.putText(inbox + "env/lscpu.txt", "Model name: x");
        store.putText(inbox + "raw/a.json", EXPORT);
        store.putText(inbox + "logs/cmd-1/i-1/awsrunShellScript/0.awsrunShellScript/stdout", "hello");

        InboxCopy.Report report = copy.copy("r1", "t1", SUITE, "i-1");

        assertThat(report.refused()).isEmpty();
        assertThat(store.text(StoreLayout.progress("r1", "t1"))).contains("\"done\"");
        assertThat(store.text(StoreLayout.envPrefix("r1", "t1") + "lscpu.txt")).isEqualTo("Model name: x");
        assertThat(store.text(StoreLayout.raw("r1", "t1", "a"))).isEqualTo(EXPORT);
        assertThat(store.text(StoreLayout.logs("r1", "t1") + "cmd-1/i-1/awsrunShellScript/0.awsrunShellScript/stdout"))
                .isEqualTo("hello");
    }

    @Test
    void canaryExports_reachTheirFolder_beforeAndAfterOnly_andOnlyWhenTheSuiteRunsTheCanary() {
        store.putText(inbox + "raw/canary/before.json", EXPORT);
        store.putText(inbox + "raw/canary/after.json", EXPORT);
        store.putText(inbox + "raw/canary/during.json", EXPORT);
        store.putText(inbox + "env/canary-after.txt", "the canary after the suite failed with exit code 124");

        InboxCopy.Report on = copy.copy("r1", "t1", SUITE, "i-1");

        assertThat(store.text(StoreLayout.canaryExport("r1", "t1", "before"))).isEqualTo(EXPORT);
        assertThat(store.text(StoreLayout.canaryExport("r1", "t1", "after"))).isEqualTo(EXPORT);
        assertThat(store.text(StoreLayout.envPrefix("r1", "t1") + "canary-after.txt")).contains("exit code 124");
        assertThat(on.refused()).singleElement().asString().contains("raw/canary/during.json");

        Suite off = InputReader.suiteJson("{\"name\":\"s\",\"canary\":false,\"benchmarks\":[{\"name\":\"a\",\"command\":\"true\"}]}");
        InboxCopy.Report refused = copy.copy("r2", "t1", off, "i-1");
        assertThat(store.get(StoreLayout.canaryExport("r2", "t1", "before"))).isEmpty();
        assertThat(refused.refused()).hasSize(3);
    }

    @Test
    void instructionCounts_reachTheirFolderBesideTheExports_onlyForTheSuitesBenchmarksAndVariants() {
        store.putText(inbox + "raw/instructions/a.json", EXPORT);
        store.putText(inbox + "raw/instructions/zz.json", EXPORT);
        InboxCopy.Report plain = copy.copy("r1", "t1", SUITE, "i-1");
        assertThat(store.text(StoreLayout.rawPrefix("r1", "t1") + "instructions/a.json")).isEqualTo(EXPORT);
        assertThat(plain.refused()).hasSize(1);

        store.putText(inbox + "raw/a/instructions/round-1-2-y.json", EXPORT);
        store.putText(inbox + "raw/a/instructions/round-1-1-z.json", EXPORT);
        InboxCopy.Report rounds = copy.copy("r2", "t1", VARIANTS, "i-1");
        assertThat(store.text(StoreLayout.roundsPrefix("r2", "t1", "a") + "instructions/round-1-2-y.json"))
                .isEqualTo(EXPORT);
        assertThat(rounds.refused()).isNotEmpty();
    }

    @Test
    void anythingElse_isRefusedWithOneLine_andNothingOutsideTheTargetChanges() {
        store.putText(StoreLayout.request("r1"), "{\"original\":true}");
        store.putText(inbox + "request.json", "{\"runId\":\"r1\"}");
        store.putText(inbox + "raw/../../request.json", EXPORT);
        store.putText(inbox + "raw/c.json", EXPORT);
        store.putText(inbox + "raw/b.json", "{\"not\":\"an export\"}");
        store.putText(inbox + "progress.json", "#!/bin/sh");
        store.putText(inbox + "env/big.txt", "x".repeat(InboxCopy.TEXT + 1));
        store.putText(inbox + "raw/a/round-1-1-x.json", EXPORT);

        InboxCopy.Report report = copy.copy("r1", "t1", SUITE, "i-1");

        assertThat(report.copied()).isEmpty();
        assertThat(report.refused()).hasSize(7).allMatch(l -> !l.contains("\n"));
        assertThat(logged()).contains(
                "cloudbench: refused " + inbox + "request.json: not a name a script writes",
                "cloudbench: refused " + inbox + "raw/../../request.json: not a name a script writes",
                "cloudbench: refused " + inbox + "raw/c.json: not an export of this suite's benchmarks",
                "cloudbench: refused " + inbox + "raw/b.json: raw/b.json: not a hyperfine export (no \"results\" list)",
                "cloudbench: refused " + inbox + "progress.json: not a progress line",
                "cloudbench: refused " + inbox + "env/big.txt: " + (InboxCopy.TEXT + 1) + " bytes, more than the "
                        + InboxCopy.TEXT + " allowed",
                "cloudbench: refused " + inbox + "raw/a/round-1-1-x.json: not an export of this suite's benchmarks");
        assertThat(store.text(StoreLayout.request("r1"))).isEqualTo("{\"original\":true}");
        assertThat(store.list("runs/r1/targets/")).isEmpty();
    }

    @Test
    void roundExports_areAccepted_forTheSuitesVariantsOnly() {
        store.putText(inbox + "raw/a/round-1-1-x.json", EXPORT);
        store.putText(inbox + "raw/a/round-1-2-z.json", EXPORT);
        store.putText(inbox + "rounds-stopped.txt", "time budget used");

        InboxCopy.Report report = copy.copy("r1", "t1", VARIANTS, "i-1");

        assertThat(report.copied()).containsExactly(inbox + "raw/a/round-1-1-x.json", inbox + "rounds-stopped.txt");
        assertThat(store.get(StoreLayout.roundExport("r1", "t1", "a", 1, 1, "x"))).isPresent();
        assertThat(store.get(StoreLayout.roundsStopped("r1", "t1"))).isPresent();
        assertThat(report.refused()).singleElement().asString().contains("round-1-2-z.json");
    }

    @Test
    void anotherInstancesInbox_isNeverRead() {
        store.putText(store.inbox("i-2") + "raw/a.json", EXPORT);

        assertThat(copy.copy("r1", "t1", SUITE, "i-1").copied()).isEmpty();
        assertThat(store.get(StoreLayout.raw("r1", "t1", "a"))).isEmpty();
    }
}
