package dev.cloudbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cloudbench.core.json.Json;
import dev.cloudbench.core.layout.StoreLayout;
import dev.cloudbench.core.model.Architecture;
import dev.cloudbench.core.model.Market;
import dev.cloudbench.core.port.LaunchedInstance;
import dev.cloudbench.core.results.Canary;
import dev.cloudbench.core.results.Environment;
import dev.cloudbench.core.run.PlannedTarget;
import dev.cloudbench.core.run.TargetState;
import dev.cloudbench.core.testing.InMemoryStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentReaderTest {
    private static final PlannedTarget TARGET = new PlannedTarget("arm", Architecture.ARM64, "c7g.large", Market.SPOT, null);

    private static TargetState launched(LaunchedInstance instance) {
        return TargetState.start("run-1", Instant.parse("2026-01-01T11:00:00Z"), TARGET).toBuilder()
                .instance(instance).ready(false).command("cmd-1").startedAt(Instant.parse("2026-01-01T10:01:00Z"))
                .build();
    }

    @Test
    void environment_carriesTheLaunchTimeAndPriceTheFleetRecorded() {
        var instance = new LaunchedInstance("i-1", "spot", "eu-west-1a", "ami-1", false, "2026-01-01T10:00:00Z", 0.0312);

        Environment e = EnvironmentReader.read(new InMemoryStore(), launched(instance), "2026-01-01T10:11:00Z");

        assertThat(e.launchedAt()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(e.pricePerHour()).isEqualTo(0.0312);
        assertThat(e.priceSource()).isEqualTo("spot price at launch");
        assertThat(e.startedAt()).isEqualTo("2026-01-01T10:01:00Z");
    }

    @Test
    void environment_carriesTheCanary_fromItsExportsAndTheScriptsNotes() {
        InMemoryStore store = new InMemoryStore();
        String pass = "{\"results\":[{\"command\":\"cpu\",\"times\":[0.025,0.0251,0.0249]},"
                + "{\"command\":\"memory\",\"times\":[0.075,0.076,0.074]}]}";
        store.putText(StoreLayout.canaryExport("run-1", "arm", "before"), pass);
        store.putText(StoreLayout.envPrefix("run-1", "arm") + "canary-after.txt",
                "the canary after the suite failed with exit code 124\nhyperfine: killed\n");
        var instance = new LaunchedInstance("i-1", "spot", "eu-west-1a", "ami-1", false);

        Environment e = EnvironmentReader.read(store, launched(instance), "2026-01-01T10:11:00Z");

        Canary c = e.canary();
        assertThat(c.part(Canary.MEMORY).orElseThrow().before()).isEqualTo(0.075);
        assertThat(c.part(Canary.MEMORY).orElseThrow().after()).isNull();
        assertThat(c.missing()).isEqualTo("no export after the suite; the canary after the suite failed with exit code 124");
        assertThat(c.noisyHost()).isFalse();
        assertThat(EnvironmentReader.read(new InMemoryStore(), launched(instance), "2026-01-01T10:11:00Z").canary())
                .as("nothing reported: no canary (Publish Report knows whether the suite ran one)").isNull();
    }

    @Test
    void environment_hasNoPrice_whenTheFleetKnewNone() {
        Environment e = EnvironmentReader.read(new InMemoryStore(),
                launched(new LaunchedInstance("i-1", "on-demand", "eu-west-1a", "ami-1", false)), "2026-01-01T10:11:00Z");

        assertThat(e.pricePerHour()).isNull();
        assertThat(e.priceSource()).isNull();
        assertThat(e.launchedAt()).isNull();
    }

    @Test
    void launchedInstance_readsStatePayloadsWrittenBeforeItHadLaunchTimeAndPrice() {
        LaunchedInstance old = Json.read(
                "{\"instanceId\":\"i-1\",\"market\":\"spot\",\"zone\":\"z\",\"imageId\":\"ami-1\",\"reused\":false}"
                        .getBytes(StandardCharsets.UTF_8), LaunchedInstance.class);
        var priced = new LaunchedInstance("i-1", "spot", "z", "ami-1", true, "2026-01-01T10:00:00Z", 0.02);

        assertThat(old).isEqualTo(new LaunchedInstance("i-1", "spot", "z", "ami-1", false));
        assertThat(Json.read(Json.write(priced).getBytes(StandardCharsets.UTF_8), LaunchedInstance.class))
                .isEqualTo(priced);
    }

    @Test
    void environment_namesTheCommitOfEachVariantWithACheckoutOfItsOwn() {
        InMemoryStore store = new InMemoryStore();
        store.putText("runs/run-1/targets/arm/env/commit.txt", "aaaa111\n");
        store.putText("runs/run-1/targets/arm/env/commit-candidate.txt", "bbbb222\n");
        store.putText("runs/run-1/targets/arm/env/commit-v1.2.txt", "cccc333\n");

        Environment e = EnvironmentReader.read(store, launched(new LaunchedInstance("i-1", "spot", "z", "ami-1", false)),
                "2026-01-01T10:11:00Z");

        assertThat(e.commit()).isEqualTo("aaaa111");
        assertThat(e.variantCommits()).containsExactly(Map.entry("candidate", "bbbb222"),
                Map.entry("v1.2", "cccc333"));
    }
}
